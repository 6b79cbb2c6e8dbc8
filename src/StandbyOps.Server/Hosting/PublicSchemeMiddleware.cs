namespace StandbyOps.Server.Hosting;

/// <summary>
/// Browsers and Twilio reach the server at <c>server.publicUrl</c>. When that is https, the TLS is ended by a proxy in
/// front, which talks plain http to this process: every request is then treated as https, so the session and
/// antiforgery cookies are <c>Secure</c> and never sent over a plain connection.
/// </summary>
public sealed class PublicSchemeMiddleware(RequestDelegate next, LiveConfig live)
{
    /// <summary>Marks the request https when the public URL is.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (live.Current.Server.PublicUrl.Scheme == Uri.UriSchemeHttps)
        {
            context.Request.Scheme = Uri.UriSchemeHttps;
        }

        return next(context);
    }
}
