namespace Integrity.Api.Http;

/// <summary>
/// Headers every answer carries: a Content-Security-Policy that lets the client run only its own files
/// (no inline script; its service worker and web manifest only from its own origin; Swagger UI gets its own,
/// looser styles), no framing, no MIME sniffing, no referrer leaving the site, and <c>Cache-Control: no-store</c>
/// on API answers, which hold personal data and one-time tokens, unless an endpoint says otherwise: neither a
/// proxy nor the browser's HTTP cache keeps them (the client's service worker keeps some for use without
/// network, and deletes them at sign-out). HSTS is added outside Development (UseHsts).
/// </summary>
public static class SecurityHeaders
{
    private const string ClientPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // Swagger UI's bundle sets styles of its own at run time and draws icons from data: URIs.
    private const string SwaggerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // An API answer is data, never a page: it may load nothing.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var path = context.Request.Path;
                var headers = context.Response.Headers;
                var api = path.StartsWithSegments("/api");
                headers.ContentSecurityPolicy = api ? ApiPolicy : path.StartsWithSegments("/swagger") ? SwaggerPolicy : ClientPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (api && string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
