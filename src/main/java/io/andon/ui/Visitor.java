package io.andon.ui;

/**
 * Who is looking: the browser's session (a cookie), the CSRF token its forms carry, and whether it
 * has given the service's token in this session.
 */
public record Visitor(String sessionId, String csrf, boolean signedIn) {}
