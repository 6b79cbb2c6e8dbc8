using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StandbyOps.Paging.Twilio;

namespace StandbyOps.Paging.Tests.Twilio;

public sealed class TwilioSignatureTests
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
    public void Compute_matches_the_twilio_test_vector(string url, string expected) =>
        Assert.Equal(expected, TwilioSignature.Compute(Token, url, Parameters));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Validate_accepts_the_twilio_test_vector(string url, string signature) =>
        Assert.True(TwilioSignature.Validate(Token, url, Parameters, signature));

    [Fact]
    public void A_signature_over_the_url_without_port_is_accepted_for_the_url_with_a_port() =>
        Assert.True(TwilioSignature.Validate(Token, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void A_signature_over_the_url_with_port_443_is_accepted_for_the_url_without_a_port() =>
        Assert.True(TwilioSignature.Validate(Token, Url, Parameters, "kvajT1Ptam85bY51eRf/AJRuM3w="));

    [Fact]
    public void A_signature_over_the_url_with_port_80_is_accepted_for_the_plain_http_url() =>
        Assert.True(TwilioSignature.Validate(Token, "http://mycompany.com/myapp.php?foo=1&bar=2", Parameters, "0ZXoZLH/DfblKGATFgpif+LLRf4="));

    [Theory]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2")]
    public void A_signature_over_the_lowercase_host_is_rejected_for_a_mixed_case_host(string url) =>
        Assert.False(TwilioSignature.Validate(Token, url, Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void A_tampered_signature_is_rejected() =>
        Assert.False(TwilioSignature.Validate(Token, Url, Parameters, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void A_missing_signature_is_rejected() =>
        Assert.False(TwilioSignature.Validate(Token, Url, Parameters, null));

    [Fact]
    public void A_changed_parameter_value_is_rejected()
    {
        var changed = new Dictionary<string, string>(Parameters) { ["Digits"] = "9999" };
        Assert.False(TwilioSignature.Validate(Token, Url, changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void An_extra_unknown_parameter_is_part_of_the_signature()
    {
        var extended = new Dictionary<string, string>(Parameters) { ["NewTwilioField"] = "x" };
        Assert.False(TwilioSignature.Validate(Token, Url, extended, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.True(TwilioSignature.Validate(Token, Url, extended, TwilioSignature.Compute(Token, Url, extended)));
    }

    [Fact]
    public void A_different_auth_token_is_rejected() =>
        Assert.False(TwilioSignature.Validate("54321", Url, Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void The_port_variant_keeps_userinfo_and_case()
    {
        var withPort = TwilioSignature.Compute(Token, "http://Username:Password@MyCompany.com:80/myapp.php?foo=1&bar=2", Parameters);
        Assert.True(TwilioSignature.Validate(Token, "http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", Parameters, withPort));
    }

    [Theory]
    [InlineData("https://h.example/p", "https://h.example:443/p")]
    [InlineData("HTTP://H.example?q=1", "HTTP://H.example:80?q=1")]
    [InlineData("http://u:p@H.example:8080/p", "http://u:p@H.example/p")]
    [InlineData("http://[::1]:5000/p", "http://[::1]/p")]
    [InlineData("https://[::1]/p", "https://[::1]:443/p")]
    public void The_port_variant_inserts_the_default_port_or_removes_the_given_one(string url, string variant) =>
        Assert.True(TwilioSignature.Validate(Token, url, Parameters, TwilioSignature.Compute(Token, variant, Parameters)));

    [Theory]
    [InlineData("ftp://h.example/p", "ftp://h.example:21/p")]
    [InlineData("https://h.example/p", "https://h.example:8443/p")]
    [InlineData("https://h.example:443/p", "https://h.example:8443/p")]
    public void No_other_port_variant_is_accepted(string url, string variant) =>
        Assert.False(TwilioSignature.Validate(Token, url, Parameters, TwilioSignature.Compute(Token, variant, Parameters)));

    [Fact]
    public void Parameter_order_does_not_matter()
    {
        var reversed = Parameters.Reverse().ToList();
        Assert.Equal(TwilioSignature.Compute(Token, Url, Parameters), TwilioSignature.Compute(Token, Url, reversed));
    }

    [Fact]
    public void Parameter_names_sort_ordinally_so_uppercase_comes_before_lowercase()
    {
        var expected = Hmac(Token, Url + "Zz" + "aa");
        Assert.Equal(expected, TwilioSignature.Compute(Token, Url, [new("a", "a"), new("Z", "z")]));
    }

    [Fact]
    public void Repeated_keys_are_signed_like_twilio_node_with_values_sorted_and_deduplicated()
    {
        var expected = Hmac(Token, Url + "BodyHi" + "MediaUrlhttps://a" + "MediaUrlhttps://b");
        KeyValuePair<string, string>[] form =
        [
            new("MediaUrl", "https://b"), new("Body", "Hi"), new("MediaUrl", "https://a"), new("MediaUrl", "https://b"),
        ];
        Assert.Equal(expected, TwilioSignature.Compute(Token, Url, form));
    }

    [Fact]
    public void An_aspnet_form_with_repeated_keys_validates_like_the_flat_list()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["Body"] = "Hi",
            ["MediaUrl"] = new StringValues(["https://b", "https://a"]),
        });
        var signature = Hmac(Token, Url + "BodyHi" + "MediaUrlhttps://a" + "MediaUrlhttps://b");
        Assert.True(TwilioSignature.Validate(Token, Url, form, signature));
    }

    [Fact]
    public void A_parameter_without_value_is_signed_as_empty()
    {
        var form = new FormCollection(new Dictionary<string, StringValues> { ["Empty"] = StringValues.Empty });
        Assert.True(TwilioSignature.Validate(Token, Url, form, Hmac(Token, Url + "Empty")));
    }

    [Fact]
    public void An_empty_auth_token_is_refused() =>
        Assert.Throws<ArgumentException>(() => TwilioSignature.Compute(string.Empty, Url));

    [Fact]
    public void The_body_hash_matches_the_twilio_vector() =>
        Assert.Equal(BodyHash, TwilioSignature.ComputeBodyHash(Body));

    [Fact]
    public void Validate_body_hash_accepts_the_vector_and_rejects_another_body()
    {
        Assert.True(TwilioSignature.ValidateBodyHash(Body, BodyHash));
        Assert.True(TwilioSignature.ValidateBodyHash(Body, BodyHash.ToUpperInvariant()));
        Assert.False(TwilioSignature.ValidateBodyHash(Body + " ", BodyHash));
    }

    [Theory]
    [InlineData(Url + "&bodySHA256=" + BodyHash, "a9nBmqA0ju/hNViExpshrM61xv4=")]
    [InlineData("https://mycompany.com/myapp.php?bodySHA256=" + BodyHash, "y77kIzt2vzLz71DgmJGsen2scGs=")]
    public void A_json_body_url_signs_without_parameters_to_the_twilio_vector(string url, string expected) =>
        Assert.Equal(expected, TwilioSignature.Compute(Token, url));

    [Fact]
    public void A_json_body_webhook_with_the_vector_signature_is_accepted() =>
        Assert.True(TwilioSignature.ValidateJsonBody(Token, Url + "&bodySHA256=" + BodyHash, Body, "a9nBmqA0ju/hNViExpshrM61xv4="));

    [Fact]
    public void A_json_body_webhook_is_accepted_through_the_port_variant() =>
        Assert.True(TwilioSignature.ValidateJsonBody(
            Token,
            "https://mycompany.com:443/myapp.php?foo=1&bar=2&bodySHA256=" + BodyHash,
            Body,
            "a9nBmqA0ju/hNViExpshrM61xv4="));

    [Fact]
    public void A_json_body_webhook_whose_url_has_no_body_hash_is_rejected() =>
        Assert.False(TwilioSignature.ValidateJsonBody(Token, Url, Body, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void A_json_body_webhook_with_a_changed_body_is_rejected() =>
        Assert.False(TwilioSignature.ValidateJsonBody(
            Token,
            Url + "&bodySHA256=" + BodyHash,
            "{\"property\": \"other\", \"boolean\": true}",
            "a9nBmqA0ju/hNViExpshrM61xv4="));

    private static string Hmac(string token, string message) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(message)));
}
