using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Testing.FakeTwilio;

/// <summary>A loopback HTTP server that answers like Twilio's Messages and Calls APIs and sends Twilio-signed webhooks.</summary>
/// <remarks>
/// <para>Serves <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>: Basic auth with the account
/// (<see cref="AccountSid"/>/<see cref="AuthToken"/>) or the API key (<see cref="ApiKeySid"/>/<see cref="ApiKeySecret"/>),
/// else 401 code 20003; <c>To</c> in E.164 else 400 code 21211; <c>From</c> or <c>MessagingServiceSid</c>
/// else 21603; <c>Body</c> else 21602; then 201 with a Message JSON (<c>sid</c> = <c>SM</c> + 32 hex,
/// <c>status</c> "queued", or "accepted" when only a Messaging Service is given).</para>
/// <para>Serves <c>POST /2010-04-01/Accounts/{AccountSid}/Calls.json</c> with the same auth: <c>To</c> in E.164 else
/// 21211; <c>From</c> in E.164 else 21213; <c>Url</c> (or <c>Twiml</c>/<c>ApplicationSid</c>) else 21205; then 201 with
/// a Call JSON (<c>sid</c> = <c>CA</c> + 32 hex, <c>status</c> "queued"). For a placed call it plays Twilio's side:
/// fetching the call's TwiML from its <c>Url</c> (<see cref="FetchTwimlAsync"/>), a keypress on the TwiML's
/// <c>&lt;Gather&gt;</c> (<see cref="PressAsync"/>, <see cref="SendGatherAsync"/>) and the call's status callback
/// (<see cref="SendCallStatusCallbackAsync"/>), all signed.</para>
/// <para>Only the Twilio SDK is served: a request whose User-Agent does not start with <c>twilio-csharp/</c> is
/// answered 400 with code <see cref="NotFromSdkErrorCode"/>.</para>
/// <para>Every request is recorded (<see cref="Requests"/>). Faults queued with <see cref="EnqueueFault"/>
/// replace the answers to the next requests, and <see cref="RejectNumber"/> makes sends to one number fail
/// with a permanent error code.</para>
/// </remarks>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    /// <summary>Twilio's API version segment.</summary>
    public const string ApiVersion = "2010-04-01";

    /// <summary>The User-Agent prefix of the Twilio SDK for C#; Messages requests without it are refused.</summary>
    public const string SdkUserAgentPrefix = "twilio-csharp/";

    /// <summary>Twilio's error code for a request the fake refuses because it did not come from the SDK.</summary>
    public const int NotFromSdkErrorCode = 20001;

    private const int ClientClosedRequest = 499;
    private const string SignatureHeader = "X-Twilio-Signature";

    private readonly WebApplication _app;
    private readonly IClock _clock;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<FakeTwilioRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly Queue<FakeTwilioFault> _faults = new();
    private readonly Dictionary<string, (int Code, string Message)> _rejectedNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SentMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlacedCall> _calls = new(StringComparer.Ordinal);

    private FakeTwilioServer(WebApplication app, IClock clock, string accountSid, string authToken)
    {
        _app = app;
        _clock = clock;
        AccountSid = accountSid;
        AuthToken = authToken;
        ApiKeySid = "SK" + RandomHex(32);
        ApiKeySecret = RandomHex(32);
        BaseUrl = new Uri("http://127.0.0.1");
    }

    /// <summary>Root URL to use as <c>TwilioOptions.BaseUrl</c>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>The account (<c>AC</c> + 32 hex).</summary>
    public string AccountSid { get; }

    /// <summary>The account's auth token: accepted as REST password and used to sign webhooks.</summary>
    public string AuthToken { get; }

    /// <summary>An API key (<c>SK</c> + 32 hex) also accepted as REST username.</summary>
    public string ApiKeySid { get; }

    /// <summary>The API key's secret.</summary>
    public string ApiKeySecret { get; }

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<FakeTwilioRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on <c>127.0.0.1</c> with a free port; account and token are random unless given.</summary>
    public static async Task<FakeTwilioServer> StartAsync(
        IClock? clock = null,
        string? accountSid = null,
        string? authToken = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        // SystemClock here is the fake's own composition root: it stands outside the code under test.
        var server = new FakeTwilioServer(app, clock ?? SystemClock.Instance, accountSid ?? "AC" + RandomHex(32), authToken ?? RandomHex(32));
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            server.BaseUrl = new Uri(address);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Plays <paramref name="fault"/> for the next <paramref name="count"/> requests (after any already queued).</summary>
    public void EnqueueFault(FakeTwilioFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Answers every send to <paramref name="to"/> with HTTP 400 and Twilio error <paramref name="errorCode"/> (e.g. 21610 unsubscribed).</summary>
    public void RejectNumber(string to, int errorCode, string? message = null)
    {
        var number = PhoneNumber.Normalize(to);
        lock (_lock)
        {
            _rejectedNumbers[number] = (errorCode, message ?? DefaultMessage(errorCode, number));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests were recorded; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<FakeTwilioRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (_requests.Count >= count)
            {
                return [.. _requests];
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The fake Twilio received {Requests.Count} of {count} expected requests within {timeout}.");
        }

        return Requests;
    }

    /// <summary>
    /// POSTs a delivery-status callback for <paramref name="messageSid"/> to <paramref name="callbackUrl"/>, signed over
    /// <paramref name="signedUrl"/> (the public URL the receiver checks against; defaults to <paramref name="callbackUrl"/>).
    /// </summary>
    public Task<FakeTwilioWebhookResponse> SendStatusCallbackAsync(
        Uri callbackUrl,
        string messageSid,
        string status,
        string? errorCode,
        string? signedUrl = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        ArgumentException.ThrowIfNullOrEmpty(messageSid);
        ArgumentException.ThrowIfNullOrEmpty(status);

        SentMessage? sent;
        lock (_lock)
        {
            _messages.TryGetValue(messageSid, out sent);
        }

        var form = new List<KeyValuePair<string, string>> { new("AccountSid", AccountSid), new("ApiVersion", ApiVersion) };
        if (errorCode is not null)
        {
            form.Add(new("ErrorCode", errorCode));
        }

        if (sent?.From is not null)
        {
            form.Add(new("From", sent.From));
        }

        if (sent?.MessagingServiceSid is not null)
        {
            form.Add(new("MessagingServiceSid", sent.MessagingServiceSid));
        }

        form.Add(new("MessageSid", messageSid));
        form.Add(new("MessageStatus", status));
        if (status is "delivered" or "undelivered")
        {
            // Carriers report the receipt time as YYMMDDhhmm.
            form.Add(new("RawDlrDoneDate", _clock.GetCurrentInstant().ToDateTimeOffset().ToString("yyMMddHHmm", CultureInfo.InvariantCulture)));
        }

        form.Add(new("SmsSid", messageSid));
        form.Add(new("SmsStatus", status));
        if (sent is not null)
        {
            form.Add(new("To", sent.To));
        }

        return PostSignedAsync(callbackUrl, signedUrl, form, cancellationToken);
    }

    /// <summary>
    /// POSTs an inbound SMS webhook (<paramref name="from"/> texting <paramref name="body"/> to <paramref name="to"/>) to
    /// <paramref name="smsWebhookUrl"/>, signed over <paramref name="signedUrl"/> (defaults to <paramref name="smsWebhookUrl"/>).
    /// </summary>
    public Task<FakeTwilioWebhookResponse> SendInboundSmsAsync(
        Uri smsWebhookUrl,
        string from,
        string to,
        string body,
        string? signedUrl = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(smsWebhookUrl);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(body);

        var sid = "SM" + RandomHex(32);
        List<KeyValuePair<string, string>> form =
        [
            new("ToCountry", string.Empty), new("ToState", string.Empty), new("SmsMessageSid", sid), new("NumMedia", "0"),
            new("ToCity", string.Empty), new("FromZip", string.Empty), new("SmsSid", sid), new("FromState", string.Empty),
            new("SmsStatus", "received"), new("FromCity", string.Empty), new("Body", body), new("FromCountry", string.Empty),
            new("To", to), new("ToZip", string.Empty),
            new("NumSegments", SmsSegments.Measure(body).Segments.ToString(CultureInfo.InvariantCulture)),
            new("MessageSid", sid), new("AccountSid", AccountSid), new("From", from), new("ApiVersion", ApiVersion),
        ];
        return PostSignedAsync(smsWebhookUrl, signedUrl, form, cancellationToken);
    }

    /// <summary>
    /// Plays Twilio answering call <paramref name="callSid"/>: POSTs to the call's <c>Url</c> (signed over
    /// <paramref name="signedUrl"/>, by default that URL) and returns the TwiML the receiver answered.
    /// </summary>
    public Task<FakeTwilioWebhookResponse> FetchTwimlAsync(string callSid, string? signedUrl = null, CancellationToken cancellationToken = default)
    {
        var call = CallOf(callSid);
        var url = call.Url ?? throw new InvalidOperationException($"Call {callSid} was created without a Url.");
        return PostSignedAsync(new Uri(url), signedUrl, CallForm(callSid, call, "in-progress"), cancellationToken);
    }

    /// <summary>
    /// POSTs the keypress <paramref name="digits"/> of call <paramref name="callSid"/> to <paramref name="actionUrl"/> (a
    /// <c>&lt;Gather&gt;</c>'s action), signed over <paramref name="signedUrl"/> (defaults to <paramref name="actionUrl"/>).
    /// </summary>
    public Task<FakeTwilioWebhookResponse> SendGatherAsync(string callSid, Uri actionUrl, string digits, string? signedUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actionUrl);
        ArgumentNullException.ThrowIfNull(digits);
        var form = CallForm(callSid, CallOf(callSid), "in-progress");
        form.Add(new("Digits", digits));
        form.Add(new("FinishedOnKey", string.Empty));
        form.Add(new("msg", "Gather End"));
        return PostSignedAsync(actionUrl, signedUrl, form, cancellationToken);
    }

    /// <summary>
    /// Plays the engineer pressing <paramref name="digits"/> on call <paramref name="callSid"/>: fetches the call's TwiML
    /// and posts the keypress to its first <c>&lt;Gather&gt;</c>'s action. Returns the TwiML and the answer to the keypress.
    /// </summary>
    public async Task<(FakeTwilioWebhookResponse Twiml, FakeTwilioWebhookResponse Answer)> PressAsync(string callSid, string digits, CancellationToken cancellationToken = default)
    {
        var twiml = await FetchTwimlAsync(callSid, cancellationToken: cancellationToken).ConfigureAwait(false);
        var gather = System.Xml.Linq.XDocument.Parse(twiml.Body).Root?.Element("Gather")
            ?? throw new InvalidOperationException($"The TwiML of call {callSid} has no <Gather>: {twiml.Body}");
        var action = gather.Attribute("action")?.Value ?? throw new InvalidOperationException($"The <Gather> of call {callSid} has no action.");
        return (twiml, await SendGatherAsync(callSid, new Uri(action), digits, cancellationToken: cancellationToken).ConfigureAwait(false));
    }

    /// <summary>POSTs call <paramref name="callSid"/>'s status <paramref name="status"/> (completed, busy, no-answer, failed, …) to its <c>StatusCallback</c>.</summary>
    public Task<FakeTwilioWebhookResponse> SendCallStatusCallbackAsync(string callSid, string status, string? signedUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        var call = CallOf(callSid);
        var url = call.StatusCallback ?? throw new InvalidOperationException($"Call {callSid} was created without a StatusCallback.");
        var form = CallForm(callSid, call, status);
        form.Add(new("CallDuration", "0"));
        form.Add(new("SequenceNumber", "0"));
        return PostSignedAsync(new Uri(url), signedUrl, form, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _webhookClient.Dispose();
        _stopping.Dispose();
    }

    private PlacedCall CallOf(string callSid)
    {
        ArgumentException.ThrowIfNullOrEmpty(callSid);
        lock (_lock)
        {
            return _calls.TryGetValue(callSid, out var call) ? call : throw new InvalidOperationException($"The fake Twilio placed no call {callSid}.");
        }
    }

    /// <summary>The parameters Twilio sends with every voice webhook of an outbound call.</summary>
    private List<KeyValuePair<string, string>> CallForm(string callSid, PlacedCall call, string status) =>
    [
        new("AccountSid", AccountSid), new("ApiVersion", ApiVersion), new("CallSid", callSid), new("CallStatus", status),
        new("Called", call.To), new("Caller", call.From), new("Direction", "outbound-api"), new("From", call.From), new("To", call.To),
    ];

    private async Task<FakeTwilioWebhookResponse> PostSignedAsync(
        Uri target,
        string? signedUrl,
        List<KeyValuePair<string, string>> form,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(SignatureHeader, Sign(AuthToken, signedUrl ?? target.OriginalString, form));
        request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("TwilioProxy", "1.1"));
        using var response = await _webhookClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new FakeTwilioWebhookResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = _clock.GetCurrentInstant();
        var request = context.Request;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var form = request.HasFormContentType ? await request.ReadFormAsync(aborted.Token).ConfigureAwait(false) : null;
        var fields = form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? [];
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var (username, password) = ReadBasicAuth(request.Headers.Authorization.ToString());

        TimeSpan? hold = null;
        lock (_lock)
        {
            if (_faults.TryPeek(out var next) && next is HoldAnswerFault holdAnswer)
            {
                _faults.Dequeue();
                hold = holdAnswer.Duration;
            }
        }

        Reply reply;
        try
        {
            reply = await DecideAsync(request.Method, request.Path.Value ?? string.Empty, username, password, fields, request.Headers.UserAgent.ToString(), aborted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Record(new FakeTwilioRequest(request.Method, request.Path, username, password, fields, headers, receivedAt, ClientClosedRequest, null, null));
            return;
        }

        Record(new FakeTwilioRequest(request.Method, request.Path, username, password, fields, headers, receivedAt, reply.Status, reply.ErrorCode, reply.MessageSid));
        if (hold is { } holdFor)
        {
            try
            {
                await Task.Delay(holdFor, aborted.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (reply.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Json, Encoding.UTF8, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<Reply> DecideAsync(
        string method,
        string path,
        string? username,
        string? password,
        Dictionary<string, string> form,
        string userAgent,
        CancellationToken cancellationToken)
    {
        // Twilio itself does not check this; the fake does, so every test shows the sends go through the SDK.
        if (!userAgent.StartsWith(SdkUserAgentPrefix, StringComparison.Ordinal))
        {
            return ErrorReply(400, NotFromSdkErrorCode, $"Fake Twilio: the User-Agent '{userAgent}' is not the Twilio SDK's ({SdkUserAgentPrefix}…)");
        }

        FakeTwilioFault? fault;
        lock (_lock)
        {
            _faults.TryDequeue(out fault);
        }

        switch (fault)
        {
            case ServerErrorFault error:
                return ErrorReply(error.Status, 20500, "Internal Server Error");
            case TooManyRequestsFault throttle:
                return ErrorReply(429, 20429, "Too Many Requests") with { RetryAfter = throttle.RetryAfter };
            case ErrorCodeFault error:
                return ErrorReply(error.Status, error.Code, error.Message);
            case DelayFault delay:
                await Task.Delay(delay.Duration, cancellationToken).ConfigureAwait(false);
                break;
        }

        var resource = path.EndsWith("/Messages.json", StringComparison.Ordinal) ? "Messages.json"
            : path.EndsWith("/Calls.json", StringComparison.Ordinal) ? "Calls.json"
            : null;
        if (!string.Equals(method, "POST", StringComparison.Ordinal) || !path.StartsWith($"/{ApiVersion}/Accounts/", StringComparison.Ordinal) || resource is null)
        {
            return ErrorReply(404, 20404, $"The requested resource {path} was not found");
        }

        var authenticated = (username == AccountSid && password == AuthToken) || (username == ApiKeySid && password == ApiKeySecret);
        if (!authenticated || path != $"/{ApiVersion}/Accounts/{AccountSid}/{resource}")
        {
            return ErrorReply(401, 20003, "Authenticate");
        }

        return resource == "Calls.json" ? CreateCall(form) : CreateMessage(form);
    }

    private Reply CreateMessage(Dictionary<string, string> form)
    {
        var to = form.GetValueOrDefault("To");
        var from = NullIfEmpty(form.GetValueOrDefault("From"));
        var messagingServiceSid = NullIfEmpty(form.GetValueOrDefault("MessagingServiceSid"));
        var body = form.GetValueOrDefault("Body");

        if (to is null || !PhoneNumber.IsValid(to))
        {
            return ErrorReply(400, 21211, $"Invalid 'To' Phone Number: {to}");
        }

        if (from is null && messagingServiceSid is null)
        {
            return ErrorReply(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
        }

        if (string.IsNullOrEmpty(body))
        {
            return ErrorReply(400, 21602, "Message body is required");
        }

        if (body.Length > OutgoingSms.MaxBodyLength)
        {
            return ErrorReply(400, 21617, "The concatenated message body exceeds the 1600 character limit");
        }

        lock (_lock)
        {
            if (_rejectedNumbers.TryGetValue(to, out var rejection))
            {
                return ErrorReply(400, rejection.Code, rejection.Message);
            }
        }

        var sid = "SM" + RandomHex(32);
        var status = from is null ? "accepted" : "queued";
        var now = Rfc2822(_clock.GetCurrentInstant());
        var uri = $"/{ApiVersion}/Accounts/{AccountSid}/Messages/{sid}.json";
        var message = new Dictionary<string, object?>
        {
            ["account_sid"] = AccountSid,
            ["api_version"] = ApiVersion,
            ["body"] = body,
            ["date_created"] = now,
            ["date_sent"] = null,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = from,
            ["messaging_service_sid"] = messagingServiceSid,
            ["num_media"] = "0",
            ["num_segments"] = SmsSegments.Measure(body).Segments.ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = sid,
            ["status"] = status,
            ["subresource_uris"] = new Dictionary<string, string> { ["media"] = $"/{ApiVersion}/Accounts/{AccountSid}/Messages/{sid}/Media.json" },
            ["to"] = to,
            ["uri"] = uri,
        };

        lock (_lock)
        {
            _messages[sid] = new SentMessage(to, from, messagingServiceSid);
        }

        return new Reply(201, System.Text.Json.JsonSerializer.Serialize(message), null, sid, null);
    }

    private Reply CreateCall(Dictionary<string, string> form)
    {
        var to = form.GetValueOrDefault("To");
        var from = NullIfEmpty(form.GetValueOrDefault("From"));
        var url = NullIfEmpty(form.GetValueOrDefault("Url"));
        if (to is null || !PhoneNumber.IsValid(to))
        {
            return ErrorReply(400, 21211, $"Invalid 'To' Phone Number: {to}");
        }

        if (from is null || !PhoneNumber.IsValid(from))
        {
            return ErrorReply(400, 21213, "A 'From' phone number is required.");
        }

        if (url is null && NullIfEmpty(form.GetValueOrDefault("Twiml")) is null && NullIfEmpty(form.GetValueOrDefault("ApplicationSid")) is null)
        {
            return ErrorReply(400, 21205, "Url parameter is required.");
        }

        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return ErrorReply(400, 21205, $"Url is not a valid URL: {url}");
        }

        lock (_lock)
        {
            if (_rejectedNumbers.TryGetValue(to, out var rejection))
            {
                return ErrorReply(400, rejection.Code, rejection.Message);
            }
        }

        var sid = "CA" + RandomHex(32);
        var now = Rfc2822(_clock.GetCurrentInstant());
        var call = new Dictionary<string, object?>
        {
            ["account_sid"] = AccountSid,
            ["annotation"] = null,
            ["answered_by"] = null,
            ["api_version"] = ApiVersion,
            ["caller_name"] = null,
            ["date_created"] = now,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["duration"] = null,
            ["end_time"] = null,
            ["forwarded_from"] = null,
            ["from"] = from,
            ["from_formatted"] = from,
            ["group_sid"] = null,
            ["parent_call_sid"] = null,
            ["phone_number_sid"] = "PN" + RandomHex(32),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = sid,
            ["start_time"] = null,
            ["status"] = "queued",
            ["subresource_uris"] = new Dictionary<string, string> { ["notifications"] = $"/{ApiVersion}/Accounts/{AccountSid}/Calls/{sid}/Notifications.json" },
            ["to"] = to,
            ["to_formatted"] = to,
            ["trunk_sid"] = null,
            ["uri"] = $"/{ApiVersion}/Accounts/{AccountSid}/Calls/{sid}.json",
            ["queue_time"] = "0",
        };

        lock (_lock)
        {
            _calls[sid] = new PlacedCall(to, from, url, NullIfEmpty(form.GetValueOrDefault("StatusCallback")));
        }

        return new Reply(201, System.Text.Json.JsonSerializer.Serialize(call), null, sid, null);
    }

    private void Record(FakeTwilioRequest entry)
    {
        lock (_lock)
        {
            _requests.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_requests.Count >= _waiters[i].Count)
                {
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static Reply ErrorReply(int status, int code, string message)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        });
        return new Reply(status, json, code, null, null);
    }

    private static (string? Username, string? Password) ReadBasicAuth(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static string DefaultMessage(int code, string number) => code switch
    {
        21211 => $"Invalid 'To' Phone Number: {number}",
        21408 => $"Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {number}",
        21610 => "Attempt to send to unsubscribed recipient",
        21614 => $"'To' number {number} is not a valid mobile number",
        _ => $"Fake Twilio error {code}",
    };

    /// <summary>Twilio's webhook signature: HMAC-SHA1 with the auth token over the URL and the fields sorted by name, base64.</summary>
    private static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    private static string Rfc2822(Instant instant) =>
        instant.ToDateTimeOffset().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string RandomHex(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    private sealed record SentMessage(string To, string? From, string? MessagingServiceSid);

    private sealed record PlacedCall(string To, string From, string? Url, string? StatusCallback);

    private sealed record Reply(int Status, string Json, int? ErrorCode, string? MessageSid, TimeSpan? RetryAfter);
}
