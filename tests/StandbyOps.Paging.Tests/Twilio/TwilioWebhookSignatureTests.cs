using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StandbyOps.Paging.Twilio;
using Twilio.Security;

namespace StandbyOps.Paging.Tests.Twilio;

/// <summary>PROTOCOLS.md §3: the signature check, done by the SDK's RequestValidator, against Twilio's own test vectors.</summary>
public sealed class TwilioWebhookSignatureTests
{
    // PROTOCOLS.md §3, from twilio-csharp RequestValidatorTest.
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Body = "{\"property\": \"value\", \"boolean\": true}";
    private const string BodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["From"] = "+14158675309",
        ["CallSid"] = "CA1234567890ABCDE",
        ["Digits"] = "1234",
        ["To"] = "+18005551212",
        ["Caller"] = "+14158675309",
    };

    public static TheoryData<string, string> Vectors => new()
    {
        { "https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=" },
        { "https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=" },
        { "http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=" },
        { "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=" },
        { "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=" },
        { "https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=" },
        { "https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=" },
        { "http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=" },
        { "http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=" },
        { "HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=" },
        { "http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_twilio_test_vector_is_accepted(string url, string signature) =>
        Assert.True(TwilioWebhookSignature.IsValid(Token, url, Parameters, signature));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_vector_is_twilios_hmac_over_the_url_and_the_sorted_fields(string url, string signature) =>
        Assert.Equal(signature, Hmac(url + string.Concat(Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value))));

    [Fact]
    public void A_signature_over_the_url_without_port_is_accepted_for_the_url_with_a_port() =>
        Assert.True(TwilioWebhookSignature.IsValid(Token, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void A_signature_over_the_url_with_port_443_is_accepted_for_the_url_without_a_port() =>
        Assert.True(TwilioWebhookSignature.IsValid(Token, Url, Parameters, "kvajT1Ptam85bY51eRf/AJRuM3w="));

    [Fact]
    public void A_signature_over_the_url_with_port_80_is_accepted_for_the_plain_http_url() =>
        Assert.True(TwilioWebhookSignature.IsValid(Token, "http://mycompany.com/myapp.php?foo=1&bar=2", Parameters, "0ZXoZLH/DfblKGATFgpif+LLRf4="));

    [Theory]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2")]
    public void A_signature_over_the_lowercase_host_is_rejected_for_a_mixed_case_host(string url) =>
        Assert.False(TwilioWebhookSignature.IsValid(Token, url, Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void A_tampered_signature_is_rejected() =>
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, Parameters, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void A_missing_signature_is_rejected()
    {
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, Parameters, null));
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, Parameters, string.Empty));
    }

    [Fact]
    public void A_changed_parameter_value_is_rejected()
    {
        var changed = new Dictionary<string, string>(Parameters) { ["Digits"] = "9999" };
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void An_extra_unknown_parameter_is_part_of_the_signature()
    {
        var extended = new Dictionary<string, string>(Parameters) { ["NewTwilioField"] = "x" };
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, extended, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.True(TwilioWebhookSignature.IsValid(Token, Url, extended, Hmac(Url + string.Concat(extended.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value)))));
    }

    [Fact]
    public void A_different_auth_token_is_rejected() =>
        Assert.False(TwilioWebhookSignature.IsValid("54321", Url, Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void An_aspnet_form_validates_like_the_flat_list()
    {
        var form = new FormCollection(Parameters.ToDictionary(p => p.Key, p => new StringValues(p.Value)));
        Assert.True(TwilioWebhookSignature.IsValid(Token, Url, form, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void A_form_with_a_repeated_field_is_refused()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["Body"] = "Hi",
            ["MediaUrl"] = new StringValues(["https://b", "https://a"]),
        });
        Assert.False(TwilioWebhookSignature.IsValid(Token, Url, form, Hmac(Url + "BodyHi" + "MediaUrlhttps://a,https://b")));
    }

    [Fact]
    public void A_parameter_without_value_is_signed_as_empty()
    {
        var form = new FormCollection(new Dictionary<string, StringValues> { ["Empty"] = StringValues.Empty });
        Assert.True(TwilioWebhookSignature.IsValid(Token, Url, form, Hmac(Url + "Empty")));
    }

    [Fact]
    public void An_empty_auth_token_is_refused() =>
        Assert.Throws<ArgumentException>(() => TwilioWebhookSignature.IsValid(string.Empty, Url, Parameters, "x"));

    [Fact]
    public void The_json_body_vectors_hold_with_the_sdk()
    {
        Assert.True(RequestValidator.ValidateBody(Body, BodyHash));
        Assert.False(RequestValidator.ValidateBody(Body + " ", BodyHash));
        Assert.True(new RequestValidator(Token).Validate(Url + "&bodySHA256=" + BodyHash, Body, "a9nBmqA0ju/hNViExpshrM61xv4="));
        Assert.Equal("y77kIzt2vzLz71DgmJGsen2scGs=", Hmac("https://mycompany.com/myapp.php?bodySHA256=" + BodyHash));
        Assert.False(new RequestValidator(Token).Validate(Url + "&bodySHA256=" + BodyHash, "{\"property\": \"other\", \"boolean\": true}", "a9nBmqA0ju/hNViExpshrM61xv4="));
    }

    private static string Hmac(string message) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes(message)));
}
