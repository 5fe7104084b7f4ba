package com.careloop.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The controllers' handler mapping, with the candidates of a path taken from an index. A request whose path has no
 * direct (pattern-free) mapping, such as {@code /api/v1/service-requests/42}, makes Spring MVC test every mapping of
 * the application in full — methods, parameters, headers, media types, then the path pattern — which profiling
 * showed at 36.5 % of the CPU samples of an authenticated read (docs/BENCHMARKS.md). A first version skipped the full
 * test of a mapping whose literal head did not start the path, but still walked all ~1,000 mappings and hashed each
 * (13 % of the samples of the same read). Here the literal heads (each pattern up to its first variable or wildcard)
 * sit in a character trie: walking the path through it yields exactly the mappings whose head starts the path, and
 * only those are tested in full and compared as Spring does. Everything this index cannot decide the same way is
 * left to Spring: a path with a direct mapping, a path with {@code %} or {@code ;} (patterns match the decoded path
 * without matrix parameters), a CORS pre-flight, and a path no candidate matches (404, 405 and 415 come from all
 * mappings, as before).
 */
public class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** Rebuilt on first use after any (un)registration; a published index is never changed. */
    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index;
        if (current == null) {
            current = new Index(getHandlerMethods());
            index = current;
        }
        if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || current.direct.contains(lookupPath)
                || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<RequestMappingInfo> matched = new ArrayList<>(2);
        List<HandlerMethod> handlers = new ArrayList<>(2);
        int separators = separators(lookupPath);
        boolean trailing = lookupPath.endsWith("/");
        String method = request.getMethod();
        for (Candidate candidate : current.candidates(lookupPath)) {
            if (!candidate.mayMatch(method, separators, trailing)) {
                continue;
            }
            RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
            if (match != null) {
                matched.add(match);
                handlers.add(candidate.handler());
            }
        }
        if (matched.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        int best = 0;
        if (matched.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            for (int i = 1; i < matched.size(); i++) {
                if (comparator.compare(matched.get(i), matched.get(best)) < 0) {
                    best = i;
                }
            }
            for (int i = 0; i < matched.size(); i++) {
                if (i != best && comparator.compare(matched.get(i), matched.get(best)) == 0) {
                    throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                            + "': {" + handlers.get(best).getMethod() + ", " + handlers.get(i).getMethod() + "}");
                }
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handlers.get(best));
        handleMatch(matched.get(best), lookupPath, request);
        return handlers.get(best);
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    /** The pattern-free paths (left to Spring's own direct look-up) and a trie of the patterns' literal heads. */
    static final class Index {

        final Set<String> direct = new HashSet<>();
        private final Node root = new Node();

        Index(Map<RequestMappingInfo, HandlerMethod> mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.entrySet()) {
                RequestMappingInfo info = mapping.getKey();
                Candidate candidate = new Candidate(info, mapping.getValue());
                direct.addAll(info.getDirectPaths());
                Set<String> heads = new HashSet<>();
                if (info.getPathPatternsCondition() == null || info.getPathPatternsCondition().getPatternValues().isEmpty()) {
                    heads.add("");
                } else {
                    for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                        heads.add(head(pattern));
                    }
                }
                for (String head : heads) {
                    Node node = root;
                    for (int i = 0; i < head.length(); i++) {
                        node = node.next.computeIfAbsent(head.charAt(i), c -> new Node());
                    }
                    node.here.add(candidate);
                }
            }
        }

        /** The mappings whose literal head starts {@code path}, each once. */
        List<Candidate> candidates(String path) {
            List<Candidate> found = new ArrayList<>(root.here);
            Node node = root;
            for (int i = 0; i < path.length() && node != null; i++) {
                node = node.next.get(path.charAt(i));
                if (node != null) {
                    for (Candidate candidate : node.here) {
                        boolean seen = false;
                        for (Candidate earlier : found) {
                            seen |= earlier == candidate;
                        }
                        if (!seen) {
                            found.add(candidate);
                        }
                    }
                }
            }
            return found;
        }
    }

    /**
     * A mapping with what can rule it out before Spring's full test (which compares methods, parameters, headers
     * and media types first and was most of the look-up's time): the request methods it declares and the number of
     * {@code /} in each of its patterns. A path pattern without {@code **} or a {@code {*…}} capture matches only
     * paths with as many separators (a variable, {@code *} or {@code ?} never spans one).
     */
    record Candidate(RequestMappingInfo info, HandlerMethod handler, Set<String> methods, int[] separators) {

        Candidate(RequestMappingInfo info, HandlerMethod handler) {
            this(info, handler, methodsOf(info), separatorsOf(info));
        }

        /** False only when Spring's test cannot match; a method this index does not judge is left to Spring. */
        boolean mayMatch(String method, int pathSeparators, boolean trailingSlash) {
            if (!methods.isEmpty() && JUDGED_METHODS.contains(method)
                    && !methods.contains(method) && !(method.equals("HEAD") && methods.contains("GET"))) {
                return false;
            }
            if (separators == null) {
                return true;
            }
            for (int count : separators) {
                // a trailing slash is left to Spring's own settings (trailing-slash matching)
                if (count == pathSeparators || trailingSlash && count == pathSeparators - 1) {
                    return true;
                }
            }
            return false;
        }

        private static Set<String> methodsOf(RequestMappingInfo info) {
            Set<String> names = new HashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> names.add(m.name()));
            return Set.copyOf(names);
        }

        /** The separators of each pattern; null when a pattern spans any number of them (or there is none). */
        private static int[] separatorsOf(RequestMappingInfo info) {
            if (info.getPathPatternsCondition() == null || info.getPathPatternsCondition().getPatternValues().isEmpty()) {
                return null;
            }
            Set<String> patterns = info.getPathPatternsCondition().getPatternValues();
            int[] counts = new int[patterns.size()];
            int i = 0;
            for (String pattern : patterns) {
                if (pattern.contains("**") || pattern.contains("{*")) {
                    return null;
                }
                counts[i++] = PrefixedHandlerMapping.separators(pattern);
            }
            return counts;
        }
    }

    /** Request methods whose mapping test is a plain comparison (HEAD also matches GET); OPTIONS and others go to Spring. */
    private static final Set<String> JUDGED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    static int separators(String path) {
        int count = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        final List<Candidate> here = new ArrayList<>(1);
    }

    /**
     * The pattern up to its first variable or wildcard; empty when that part holds a character a request path
     * would carry percent-encoded (the index compares with the raw path).
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
