using Microsoft.AspNetCore.Antiforgery;

namespace StandbyOps.Server.Web;

/// <summary>
/// Every UI form post must carry the antiforgery token of the page it came from. <c>UseAntiforgery()</c> checks
/// endpoints marked here; this filter turns a missing or wrong token into the 400 page before the handler runs,
/// so such a post changes nothing.
/// </summary>
public static class FormTokens
{
    /// <summary>The posted form; empty for a body that is not a form (the token came in a header), which then fails the handler's own checks.</summary>
    public static async Task<IFormCollection> ReadFormOrEmptyAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : FormCollection.Empty;
    }

    /// <summary>Requires a valid antiforgery token on this form post.</summary>
    public static RouteHandlerBuilder RequireFormToken(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (invocation, next) =>
            {
                var context = invocation.HttpContext;
                // No feature at all means the middleware did not validate (not a form post): refused just the same.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true })
                {
                    return await next(invocation).ConfigureAwait(false);
                }

                var services = context.RequestServices;
                WebLog.FormTokenRejected(services.GetRequiredService<ILoggerFactory>().CreateLogger(WebLog.Category), context.Request.Method, context.Request.Path);
                return services.GetRequiredService<WebPage>().Error(context, StatusCodes.Status400BadRequest, "The form has expired",
                    "This form carried no valid security token, so nothing was changed. Reload the page and try again.");
            });
    }
}
