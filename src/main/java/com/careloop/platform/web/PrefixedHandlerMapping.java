package com.careloop.platform.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The controllers' handler mapping with a cheap first test. A request whose path has no direct (pattern-free)
 * mapping, such as {@code /api/v1/service-requests/42}, makes Spring MVC test every mapping of the application in
 * full — methods, parameters, headers, media types, then the path pattern — which profiling showed at 36.5 % of the
 * CPU samples of an authenticated read (docs/BENCHMARKS.md). Here a mapping is tested in full only when the request
 * path starts with the literal head of one of its patterns (the part before the first variable or wildcard); any
 * other mapping cannot match, so the answer is the same, including 404, 405 and 415 (Spring decides those from all
 * mappings again).
 */
public class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** The literal heads of each mapping's patterns; an empty head (a pattern starting with a variable) admits all. */
    private final Map<RequestMappingInfo, List<String>> heads = new ConcurrentHashMap<>();

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (info.getPathPatternsCondition() != null && ServletRequestPathUtils.hasParsedRequestPath(request)) {
            String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
            if (path.indexOf('%') >= 0) {
                // patterns match the decoded path: "%73ervice-requests" is "service-requests" to them
                return super.getMatchingMapping(info, request);
            }
            List<String> literal = heads.computeIfAbsent(info, PrefixedHandlerMapping::heads);
            boolean possible = false;
            for (String head : literal) {
                if (path.startsWith(head)) {
                    possible = true;
                    break;
                }
            }
            if (!possible) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    static List<String> heads(RequestMappingInfo info) {
        var patterns = info.getPathPatternsCondition().getPatternValues();
        if (patterns.isEmpty()) {
            return List.of("");
        }
        return patterns.stream().map(PrefixedHandlerMapping::head).toList();
    }

    /**
     * The pattern up to its first variable or wildcard; empty when that part holds a character a request path
     * would carry percent-encoded (the test compares with the raw path).
     */
    static String head(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
            if (!plain) {
                return "";
            }
        }
        return pattern.substring(0, end);
    }
}
