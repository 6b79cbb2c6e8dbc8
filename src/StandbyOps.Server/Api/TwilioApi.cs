using StandbyOps.Configuration;
using StandbyOps.Configuration.Sms;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Replies;
using StandbyOps.Paging.Twilio;
using StandbyOps.Paging.Voice;

namespace StandbyOps.Server.Api;

/// <summary>
/// <c>/api/v1/twilio/*</c>: Twilio's delivery callbacks (texts and calls), inbound replies, and a paging call's TwiML and keypress. Anonymous, but every request must carry a
/// valid <c>X-Twilio-Signature</c> over <c>server.publicUrl</c> + path: missing → 400, wrong → 403. With the
/// <c>log</c> provider there is no Twilio account to verify against, so the routes answer 404.
/// </summary>
public static class TwilioApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapTwilioApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/twilio").WithTags("Twilio").AllowAnonymous().DisableAntiforgery();
        group.MapPost("/status", StatusAsync);
        group.MapPost("/sms", SmsAsync);
        group.MapPost("/voice/twiml", VoiceTwimlAsync);
        group.MapPost("/voice/gather", VoiceGatherAsync);
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, StandbyOpsConfig config, DeliveryTracker deliveries, CancellationToken cancellationToken)
    {
        var (problem, form) = await VerifyAsync(request, config, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        // A text reports MessageSid/MessageStatus, a call CallSid/CallStatus.
        var call = !form!.ContainsKey("MessageSid") && form.ContainsKey("CallSid");
        var sid = form[call ? "CallSid" : "MessageSid"].ToString();
        var status = form[call ? "CallStatus" : "MessageStatus"].ToString();
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "MessageSid and MessageStatus (or CallSid and CallStatus) are required.");
        }

        var errorCode = form["ErrorCode"].ToString();
        // The page id rides in the (signed) callback URL: a callback can arrive before the send's answer stored the sid.
        var page = request.Query["page"].ToString();
        await deliveries.UpdateStatusAsync(sid, status, string.IsNullOrEmpty(errorCode) ? null : errorCode, string.IsNullOrEmpty(page) ? null : page, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SmsAsync(HttpRequest request, StandbyOpsConfig config, SmsReplyHandler replies, CancellationToken cancellationToken)
    {
        var (problem, form) = await VerifyAsync(request, config, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var reply = await replies.HandleAsync(form!["From"].ToString(), form["Body"].ToString(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Text(reply is null ? SmsReplyTwiml.Empty() : SmsReplyTwiml.Message(reply), SmsReplyTwiml.ContentType);
    }

    private static async Task<IResult> VoiceTwimlAsync(HttpRequest request, StandbyOpsConfig config, VoiceCallHandler calls, CancellationToken cancellationToken)
    {
        var (problem, _) = await VerifyAsync(request, config, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return PageOf(request) is { } page
            ? TypedResults.Text(await calls.TwimlAsync(page, cancellationToken).ConfigureAwait(false), VoiceTwiml.ContentType)
            : MissingPage();
    }

    private static async Task<IResult> VoiceGatherAsync(HttpRequest request, StandbyOpsConfig config, VoiceCallHandler calls, CancellationToken cancellationToken)
    {
        var (problem, form) = await VerifyAsync(request, config, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return PageOf(request) is { } page
            ? TypedResults.Text(await calls.GatherAsync(page, form!["Digits"].ToString(), cancellationToken).ConfigureAwait(false), VoiceTwiml.ContentType)
            : MissingPage();
    }

    /// <summary>The paging call a voice webhook is about: the <c>page</c> query parameter of the (signed) URL paging gave Twilio.</summary>
    private static string? PageOf(HttpRequest request) => request.Query["page"].ToString() is { Length: > 0 } page ? page : null;

    private static IResult MissingPage() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The query parameter 'page' is required.", detail: "Voice webhooks are called on the URLs paging gave Twilio, which name the call's page.");

    private static async Task<(IResult? Problem, IFormCollection? Form)> VerifyAsync(HttpRequest request, StandbyOpsConfig config, CancellationToken cancellationToken)
    {
        if (config.Sms.Provider != SmsProvider.Twilio || config.Sms.Twilio is not { } twilio)
        {
            return (TypedResults.NotFound(), null);
        }

        if (!request.HasFormContentType)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Twilio webhooks are form-encoded."), null);
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var signature = request.Headers[TwilioWebhookSignature.HeaderName].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The {TwilioWebhookSignature.HeaderName} header is missing."), null);
        }

        var url = config.Server.PublicUrl.AbsoluteUri.TrimEnd('/') + request.Path + request.QueryString;
        return TwilioWebhookSignature.IsValid(twilio.AuthToken, url, form, signature)
            ? (null, form)
            : (TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The Twilio signature does not match."), null);
    }
}
