using StandbyOps.Paging.Twilio;

namespace StandbyOps.Paging.Tests.Twilio;

public sealed class TwilioBaseUrlHandlerTests
{
    private static readonly Uri SdkUrl = new("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?x=1");

    [Fact]
    public void Scheme_host_and_port_come_from_the_base_url() =>
        Assert.Equal(
            "http://127.0.0.1:41234/2010-04-01/Accounts/AC1/Messages.json?x=1",
            TwilioBaseUrlHandler.Retarget(new Uri("http://127.0.0.1:41234"), SdkUrl).AbsoluteUri);

    [Fact]
    public void A_base_url_path_is_put_in_front() =>
        Assert.Equal(
            "https://proxy.example/twilio/2010-04-01/Accounts/AC1/Messages.json?x=1",
            TwilioBaseUrlHandler.Retarget(new Uri("https://proxy.example/twilio/"), SdkUrl).AbsoluteUri);

    [Fact]
    public void The_default_base_url_leaves_the_request_as_the_sdk_made_it() =>
        Assert.Equal(SdkUrl, TwilioBaseUrlHandler.Retarget(TwilioOptions.DefaultBaseUrl, SdkUrl));

    [Fact]
    public void A_relative_base_url_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
        {
            using var handler = new TwilioBaseUrlHandler(new Uri("/twilio", UriKind.Relative));
        });
}
