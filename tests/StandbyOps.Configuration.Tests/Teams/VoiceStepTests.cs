using StandbyOps.Configuration.Teams;

namespace StandbyOps.Configuration.Tests.Teams;

public sealed class VoiceStepTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef";

    private const string TwilioFrom = """
        server: { publicUrl: "https://standbyops.example.net" }
        sms:
          provider: twilio
          twilio: { accountSid: AC0123456789abcdef0123456789abcdef, authToken: token, from: "+3197010000000" }

        """;

    [Fact]
    public void Steps_default_to_sms_and_via_voice_and_all_clear_are_read()
    {
        var config = Loading.Load(TwilioFrom + """
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "+31612345671" }
                allClear: true
                escalation:
                  - { after: 0m, notify: onCall }
                  - { after: 10m, notify: onCall, via: voice }
                  - { after: 20m, notify: [anna], via: sms }
            """).Valid();

        var team = config.Teams["ops"];
        Assert.True(team.AllClear);
        Assert.Equal([EscalationChannel.Sms, EscalationChannel.Voice, EscalationChannel.Sms], team.Escalation.Select(s => s.Via));
    }

    [Fact]
    public void All_clear_is_off_by_default()
    {
        var config = Loading.Load(Loading.PreambleWithTeam).Valid();

        Assert.False(config.Teams["ops"].AllClear);
    }

    [Fact]
    public void An_unknown_channel_is_an_error_suggesting_the_nearest()
    {
        var result = Loading.Load(Loading.PreambleWithTeam + """
                escalation:
                  - { after: 0m, notify: onCall, via: phone }
            """);

        result.SingleError().AssertAt(13, ["invalid via 'phone'"], ["sms, voice"]);
    }

    [Fact]
    public void A_voice_step_without_a_twilio_from_number_is_an_error()
    {
        var result = Loading.Load($$"""
            server: { publicUrl: "https://standbyops.example.net" }
            sms:
              provider: twilio
              twilio: { accountSid: {{Sid}}, authToken: token, messagingServiceSid: MG0123456789abcdef0123456789abcdef }
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "+31612345671" }
                escalation:
                  - { after: 0m, notify: onCall }
                  - { after: 10m, notify: [anna], via: voice }
            """);

        result.SingleError().AssertAt(12, ["step 2 of team 'ops'", "via: voice", "no 'from' number"], ["sms.twilio.from", "via: sms"]);
    }

    [Fact]
    public void A_voice_step_with_the_log_provider_is_a_warning()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "+31612345671" }
                escalation:
                  - { after: 5m, notify: [anna], via: voice }
            """);

        Assert.False(result.HasErrors);
        result.SingleWarning().AssertAt(7, ["step 1 of team 'ops'", "only written to the log"], ["sms.provider: twilio"]);
    }
}
