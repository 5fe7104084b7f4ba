package com.careloop.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.platform.Notifications;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Fills what the page shell needs (user, sidebar by permission, unread count) on rendered pages only. */
@Component
class LayoutInterceptor implements HandlerInterceptor {

    private final CurrentUsers users;
    private final List<Navigation> navigation;
    private final Notifications notifications;
    private final CareLoopProperties properties;

    LayoutInterceptor(CurrentUsers users, List<Navigation> navigation, Notifications notifications,
                      CareLoopProperties properties) {
        this.users = users;
        this.navigation = navigation;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView mav) {
        if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
            return;
        }
        mav.addObject("companyName", properties.companyName());
        mav.addObject("demoMode", properties.demoData());
        mav.addObject("currentPath", request.getRequestURI());
        mav.addObject("sortLinks", new SortLinks(request.getRequestURI().substring(request.getContextPath().length()),
                request.getParameterMap()));
        users.current().ifPresent(me -> {
            mav.addObject("me", me);
            mav.addObject("nav", sidebar(me));
            mav.addObject("unreadCount", notifications.unreadCount(me.id()));
        });
    }

    private Map<String, List<NavItem>> sidebar(CurrentUser me) {
        List<NavItem> visible = new ArrayList<>();
        navigation.forEach(n -> n.items().stream()
                .filter(i -> i.permission() == null || me.can(i.permission())).forEach(visible::add));
        visible.sort(Comparator.comparingInt(NavItem::order));
        Map<String, List<NavItem>> groups = new LinkedHashMap<>();
        visible.forEach(i -> groups.computeIfAbsent(i.groupKey(), k -> new ArrayList<>()).add(i));
        return groups;
    }
}
