package com.careloop.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The server-side request forgery guard for every outbound URL a user configures (webhook endpoints, a department's
 * WeCom group robot): such a URL may not reach the loopback, link-local (cloud metadata at 169.254.169.254), private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), wildcard or multicast addresses unless
 * {@code careloop.outbound.allow-private-targets} (which defaults to {@code careloop.webhooks.allow-private-targets}).
 * Only http and https, no user-info. Checked when the URL is saved and again before every request (a name may
 * resolve differently later). One bean of it exists (built in {@code PlatformConfig}).
 */
public final class TargetGuard {

    private final boolean allowPrivate;

    public TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The broken rule for this URL ({@code scheme}, {@code host}, {@code host-unknown}, {@code private-target}), if any. */
    public Optional<String> problem(String url) {
        if (url == null) {
            return Optional.of("scheme");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("scheme");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
            return Optional.of("host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return Optional.of("private-target");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("host-unknown");
        }
        return Optional.empty();
    }

    /** Whether the address is one no user-configured URL may reach. */
    public static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128);
    }
}
