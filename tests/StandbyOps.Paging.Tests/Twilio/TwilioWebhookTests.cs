using System.Net;
using StandbyOps.Paging.Replies;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Tests.Support;
using StandbyOps.Paging.Twilio;
using StandbyOps.Testing.FakeTwilio;

namespace StandbyOps.Paging.Tests.Twilio;

/// <summary>The fake Twilio's signed callbacks, checked by a receiver that validates like the product's webhook routes.</summary>
public sealed class TwilioWebhookTests : IAsyncLifetime
{
    // The receiver listens on loopback but checks signatures against the configured public URL, as behind a proxy.
    private const string PublicUrl = "https://standbyops.example.net";
    private const string Engineer = "+31612345678";
    private const string OurNumber = "+3197010000000";

    private FakeTwilioServer _twilio = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync(_twilio.AuthToken, PublicUrl);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task An_inbound_sms_from_the_fake_passes_signature_validation_and_gets_twiml()
    {
        var response = await _twilio.SendInboundSmsAsync(
            _receiver.UrlFor(WebhookReceiver.SmsPath), Engineer, OurNumber, "1 a", PublicUrl + WebhookReceiver.SmsPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(SmsReplyTwiml.ContentType, response.ContentType);
        Assert.Equal(SmsReplyTwiml.Message(nameof(AcknowledgeByCode)), response.Body);
        var received = Assert.Single(_receiver.Received);
        Assert.True(received.SignatureValid);
        Assert.Equal("1 a", received.Form["Body"]);
        Assert.Equal(Engineer, received.Form["From"]);
        Assert.Equal(OurNumber, received.Form["To"]);
        Assert.Equal(_twilio.AccountSid, received.Form["AccountSid"]);
        Assert.Equal(received.Form["MessageSid"], received.Form["SmsSid"]);
    }

    [Fact]
    public async Task A_status_callback_for_a_sent_message_passes_signature_validation_and_names_the_message()
    {
        using var clients = new TwilioHttpClients(new TwilioOptions { BaseUrl = _twilio.BaseUrl, AccountSid = _twilio.AccountSid, AuthToken = _twilio.AuthToken, From = OurNumber });
        var sender = clients.Sender(new ListLogger<TwilioSmsSender>());
        var callback = PublicUrl + WebhookReceiver.StatusPath;
        var sent = Assert.IsType<SmsAccepted>(await sender.SendAsync(new OutgoingSms(Engineer, "page", callback, "page-1"), CancellationToken.None));

        var response = await _twilio.SendStatusCallbackAsync(_receiver.UrlFor(WebhookReceiver.StatusPath), sent.ProviderId, "undelivered", "30003", callback);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var form = Assert.Single(_receiver.Received).Form;
        Assert.Equal(sent.ProviderId, form["MessageSid"]);
        Assert.Equal("undelivered", form["MessageStatus"]);
        Assert.Equal("30003", form["ErrorCode"]);
        Assert.Equal(Engineer, form["To"]);
        Assert.Equal(OurNumber, form["From"]);
        Assert.Matches("^[0-9]{10}$", form["RawDlrDoneDate"]);
    }

    [Fact]
    public async Task A_callback_signed_over_another_url_is_rejected_by_the_receiver()
    {
        var response = await _twilio.SendStatusCallbackAsync(
            _receiver.UrlFor(WebhookReceiver.StatusPath), "SM00000000000000000000000000000000", "delivered", null, "https://attacker.example/api/v1/twilio/status");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.False(Assert.Single(_receiver.Received).SignatureValid);
    }

    [Fact]
    public async Task A_callback_signed_with_another_auth_token_is_rejected_by_the_receiver()
    {
        await using var otherAccount = await FakeTwilioServer.StartAsync();

        var response = await otherAccount.SendInboundSmsAsync(
            _receiver.UrlFor(WebhookReceiver.SmsPath), Engineer, OurNumber, "A", PublicUrl + WebhookReceiver.SmsPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
    }
}
