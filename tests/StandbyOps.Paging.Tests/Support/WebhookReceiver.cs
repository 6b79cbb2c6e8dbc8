using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandbyOps.Paging.Replies;
using StandbyOps.Paging.Twilio;

namespace StandbyOps.Paging.Tests.Support;

/// <summary>
/// A tiny loopback app with the two Twilio webhook routes, checking signatures against a public URL the
/// way the product's server does: 403 when the signature is wrong, TwiML for inbound SMS, 200 for status.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string SmsPath = "/api/v1/twilio/sms";
    public const string StatusPath = "/api/v1/twilio/status";

    private readonly WebApplication _app;
    private readonly string _authToken;
    private readonly string _publicUrl;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app, string authToken, string publicUrl)
    {
        _app = app;
        _authToken = authToken;
        _publicUrl = publicUrl;
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(string authToken, string publicUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, authToken, publicUrl);
        app.MapPost(SmsPath, (Func<HttpContext, Task<IResult>>)receiver.HandleSmsAsync);
        app.MapPost(StatusPath, (Func<HttpContext, Task<IResult>>)receiver.HandleStatusAsync);
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return receiver;
    }

    public Uri UrlFor(string path) => new(BaseUrl, path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleSmsAsync(HttpContext context)
    {
        var (valid, form) = await ReceiveAsync(context, SmsPath);
        if (!valid)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var reply = ReplyParser.Parse(form.GetValueOrDefault("Body"));
        return Results.Text(SmsReplyTwiml.Message(reply.GetType().Name), SmsReplyTwiml.ContentType);
    }

    private async Task<IResult> HandleStatusAsync(HttpContext context)
    {
        var (valid, _) = await ReceiveAsync(context, StatusPath);
        return valid ? Results.Ok() : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<(bool Valid, Dictionary<string, string> Form)> ReceiveAsync(HttpContext context, string path)
    {
        var form = await context.Request.ReadFormAsync();
        var signature = context.Request.Headers[TwilioWebhookSignature.HeaderName].ToString();
        var valid = TwilioWebhookSignature.IsValid(_authToken, _publicUrl + path, form, signature);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        _received.Enqueue(new ReceivedWebhook(path, fields, signature, valid));
        return (valid, fields);
    }
}

/// <summary>One webhook the receiver got, and whether its signature checked out.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Form, string Signature, bool SignatureValid);
