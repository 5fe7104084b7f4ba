package com.careloop.product;

/** A node waits for the one before it, is open (its department's task) or done. */
public enum NodeStatus { WAITING, OPEN, DONE }
