package com.careloop.platform;

/** Implemented by the security principal so modules can read the signed-in user without Spring Security types. */
public interface CurrentUserHolder {

    CurrentUser currentUser();
}
