package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The indexed handler look-up picks, for every mapping of the application, the same handler as Spring MVC's own
 * look-up over all mappings — or fails the same way (404, 405, 415, ambiguity) — and tests only a handful of
 * mappings per request instead of all of them.
 */
class PrefixedHandlerMappingTest extends ApiTestBase {

    @Autowired
    ApplicationContext context;
    @Autowired
    RequestMappingHandlerMapping requestMappingHandlerMapping;

    @Test
    void everyPathOfTheApplicationFindsTheHandlerSpringMvcFindsOverAllMappings() throws Exception {
        // the mappings do not depend on the database: once, in the H2 run of the suite
        assumeFalse("postgres".equals(System.getProperty("careloop.test.db")));
        assertThat(requestMappingHandlerMapping).isInstanceOf(PrefixedHandlerMapping.class);
        Map<RequestMappingInfo, HandlerMethod> mappings = requestMappingHandlerMapping.getHandlerMethods();
        assertThat(mappings).hasSizeGreaterThan(300);
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setApplicationContext(context);
        mappings.forEach((info, handler) -> plain.registerMapping(info, handler.getBean(), handler.getMethod()));

        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : mappings.keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                paths.add(pattern.replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "7").replace("**", "x/y")
                        .replace("*", "x"));
                paths.add(pattern.replaceAll("\\{[^}]*}.*", "") + "no-such-thing/7");
            }
        }
        paths.add("/api/v1/service-requests/counts");
        paths.add("/api/v1/service-requests/abc");
        paths.add("/api/v1/service-requests/7;jsessionid=1");
        paths.add("/api/v1/%73ervice-requests/7");
        paths.add("/no/such/page");
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                String ours = outcome(requestMappingHandlerMapping, method, path);
                String spring = outcome(plain, method, path);
                compared++;
                if (!ours.equals(spring)) {
                    differences.add(method + " " + path + ": " + ours + " <> " + spring);
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).isGreaterThan(1500);
    }

    @Test
    void aRequestTestsOnlyTheMappingsWhoseLiteralHeadStartsItsPath() {
        var index = new PrefixedHandlerMapping.Index(requestMappingHandlerMapping.getHandlerMethods());
        var candidates = index.candidates("/api/v1/service-requests/42");
        assertThat(candidates).isNotEmpty().hasSizeLessThan(60)
                .allSatisfy(c -> assertThat(c.info().getPathPatternsCondition().getPatternValues())
                        .anySatisfy(p -> assertThat("/api/v1/service-requests/42").startsWith(PrefixedHandlerMapping.head(p))));
        assertThat(candidates).anySatisfy(c -> assertThat(c.info().getPathPatternsCondition().getPatternValues())
                .contains("/api/v1/service-requests/{id}"));
        assertThat(requestMappingHandlerMapping.getHandlerMethods()).hasSizeGreaterThan(candidates.size() * 10);
    }

    private static String outcome(RequestMappingHandlerMapping mapping, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "application/json");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            HandlerMethod handler = (HandlerMethod) chain.getHandler();
            return handler.getBeanType().getName() + "#" + handler.getMethod().getName()
                    + request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }
}
