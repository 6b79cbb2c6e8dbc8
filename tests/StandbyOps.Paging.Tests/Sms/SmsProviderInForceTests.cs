using StandbyOps.Configuration.Sms;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Sms;

public sealed class SmsProviderInForceTests
{
    private static readonly TwilioConfig First = new("AC" + new string('1', 32), "token-1", "+3197010000001", null, TwilioConfig.DefaultBaseUrl, null, null);

    [Fact]
    public void The_twilio_sender_is_built_again_only_when_the_sms_section_changed()
    {
        var sms = new SmsConfig(SmsProvider.Log, First);
        var built = new List<TwilioConfig>();
        var provider = new SmsProviderInForce<object>(() => sms, twilio => { built.Add(twilio); return new object(); }, "log");

        Assert.Equal("log", provider.Current);
        sms = new SmsConfig(SmsProvider.Twilio, First);
        var twilio = provider.Current;
        sms = new SmsConfig(SmsProvider.Twilio, First with { });     // a reload of the same file: equal, not the same object
        Assert.Same(twilio, provider.Current);
        sms = new SmsConfig(SmsProvider.Twilio, First with { AuthToken = "token-2" });
        var rotated = provider.Current;

        Assert.NotSame(twilio, rotated);
        Assert.Equal(["token-1", "token-2"], built.Select(b => b.AuthToken));
        sms = new SmsConfig(SmsProvider.Log, First);
        Assert.Equal("log", provider.Current);
    }
}
