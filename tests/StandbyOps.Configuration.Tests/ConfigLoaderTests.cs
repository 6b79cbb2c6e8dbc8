namespace StandbyOps.Configuration.Tests;

/// <summary>Loading as a whole: malformed files, unknown keys, environment variables, collecting every problem.</summary>
public sealed class ConfigLoaderTests
{
    [Fact]
    public void Malformed_yaml_is_an_error_at_the_line_and_column_of_the_parser()
    {
        var result = Loading.Load("""
            server:
              publicUrl: http://127.0.0.1:8080
             sms: {}
            """);

        var error = result.SingleError();
        error.AssertAt(3, ["malformed YAML"], ["indentation"]);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void An_unclosed_flow_list_is_an_error_naming_the_bracket()
    {
        var result = Loading.Load("""
            calendars:
              nl: { timeZone: Europe/Amsterdam, holidays: [NL, hours: {} }
            """);

        var error = result.SingleError();
        Assert.InRange(error.Line, 2, 3);
        Assert.Contains("YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_without_its_anchor_is_an_error_not_a_crash()
    {
        var result = Loading.Load("""
            sms: { provider: log }  *missing
            """);

        Assert.Contains("malformed YAML", result.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_an_error_at_the_second_occurrence()
    {
        var result = Loading.Load("""
            sms: { provider: log }
            server: { publicUrl: "http://127.0.0.1:8080" }
            sms: { provider: log }
            """);

        result.SingleError().AssertAt(3, ["duplicate key 'sms'"], ["remove or rename"]);
    }

    [Fact]
    public void Tab_indentation_is_an_error_that_says_to_use_spaces()
    {
        var result = Loading.Load("server:\n\tpublicUrl: http://127.0.0.1:8080\n");

        Assert.Contains("spaces", result.SingleError().Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_top_level_key_is_an_error_suggesting_the_nearest_key()
    {
        var result = Loading.Load("""
            server: { publicUrl: "http://127.0.0.1:8080" }
            customer: {}
            """);

        result.SingleError().AssertAt(2, ["unknown key 'customer'", "top level"], ["did you mean 'customers'?", "Allowed keys: server, store, sms"]);
    }

    [Fact]
    public void An_unknown_key_without_a_near_match_lists_the_allowed_keys()
    {
        var result = Loading.Load("""
            sms: { provider: log, colour: blue }
            """);

        var error = result.SingleError();
        error.AssertAt(1, ["unknown key 'colour' in sms"], ["remove it", "provider, twilio"]);
        Assert.DoesNotContain("did you mean", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Loading.Load("# nothing here\n").SingleError().AssertAt(1, ["empty"], ["docs/configuration.md"]);
    }

    [Fact]
    public void A_second_yaml_document_is_an_error()
    {
        var result = Loading.Load("""
            sms: { provider: log }
            ---
            sms: { provider: log }
            """);

        result.SingleError().AssertAt(3, ["more than one YAML document"], ["'---'"]);
    }

    [Fact]
    public void A_top_level_list_is_an_error()
    {
        Loading.Load("- server\n").SingleError().AssertAt(1, ["the top level must be a mapping"], ["key: value"]);
    }

    [Fact]
    public void Every_problem_is_collected_in_file_order_not_just_the_first()
    {
        var result = Loading.Load("""
            sms: { provider: pigeon }
            calendars:
              nl: { timeZone: Mars/Olympus, hours: { mon-fri: "08:30-17:00" } }
              de: { timeZone: Europe/Berlin, hours: { mon-fri: "08:30-17:00" }, holidays: [DE-XX] }
            """);

        Assert.Equal([1, 3, 4], result.Errors.Select(e => e.Line));
        Assert.Null(result.Config);
    }

    [Fact]
    public void A_missing_environment_variable_is_an_error_naming_the_variable_and_the_key()
    {
        var result = Loading.Load("""
            sms:
              twilio:
                accountSid: AC0123456789abcdef0123456789abcdef
                authToken: ${TWILIO_AUTH_TOKEN}
                from: "+3197010000000"
            """);

        result.SingleError().AssertAt(4, ["'TWILIO_AUTH_TOKEN'", "'authToken'", "not set"], ["set TWILIO_AUTH_TOKEN"]);
    }

    [Fact]
    public void An_environment_variable_is_resolved_inside_a_longer_value()
    {
        var result = Loading.Load("""
            sms:
              twilio:
                accountSid: AC${SID_DIGITS}
                authToken: token
                from: "+3197010000000"
            """, new Dictionary<string, string> { ["SID_DIGITS"] = "0123456789abcdef0123456789abcdef" });

        Assert.Equal("AC0123456789abcdef0123456789abcdef", result.Valid().Sms.Twilio!.AccountSid);
    }

    [Fact]
    public void A_value_from_the_environment_never_appears_in_a_diagnostic()
    {
        const string secret = "s3cr3t-value-that-must-not-leak";
        var result = Loading.Load("""
            sms:
              twilio:
                accountSid: ${TWILIO_ACCOUNT_SID}
                authToken: token
                from: "+3197010000000"
            """, new Dictionary<string, string> { ["TWILIO_ACCOUNT_SID"] = secret });

        var error = result.SingleError();
        error.AssertAt(3, ["invalid accountSid '${TWILIO_ACCOUNT_SID}'"], ["'AC' followed by 32 hexadecimal digits"]);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_double_dollar_writes_a_literal_variable_reference()
    {
        var result = Loading.Load("""
            sms:
              twilio:
                accountSid: AC0123456789abcdef0123456789abcdef
                authToken: "$${NOT_A_VARIABLE}"
                from: "+3197010000000"
            """);

        Assert.Equal("${NOT_A_VARIABLE}", result.Valid().Sms.Twilio!.AuthToken);
    }

    [Fact]
    public void An_unclosed_variable_reference_is_an_error()
    {
        var result = Loading.Load("""
            sms:
              twilio:
                accountSid: AC0123456789abcdef0123456789abcdef
                authToken: ${TWILIO_AUTH_TOKEN
                from: "+3197010000000"
            """);

        result.SingleError().AssertAt(4, ["invalid variable reference", "not closed"], ["${NAME}"]);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"standbyops-missing-{Guid.NewGuid():N}.yaml");

        var result = ConfigLoader.LoadFile(path, _ => null);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(0, error.Line);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: error: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_loaded_and_its_path_names_it_in_diagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"standbyops-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "sms: { provider: carrier-pigeon }\n");
        try
        {
            var error = Assert.Single(ConfigLoader.LoadFile(path, _ => null).Errors);

            Assert.StartsWith($"{path}:1:18: error: invalid provider 'carrier-pigeon' in sms", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_diagnostic_reads_like_a_compiler_message_with_the_fix()
    {
        var diagnostic = new ConfigDiagnostic(ConfigSeverity.Error, "standbyops.yaml", 42, 7, "unknown key 'intervall' in check 'home'", "did you mean 'interval'?");

        Assert.Equal("standbyops.yaml:42:7: error: unknown key 'intervall' in check 'home'. Fix: did you mean 'interval'?", diagnostic.ToString());
    }

    [Fact]
    public void Get_config_or_throw_lists_every_error()
    {
        var result = Loading.Load("""
            sms: { provider: pigeon }
            server: { publicUrl: gopher://x }
            """);

        var exception = Assert.Throws<ConfigException>(result.GetConfigOrThrow);

        Assert.Contains("standbyops.yaml:1:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("standbyops.yaml:2:", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, exception.Diagnostics.Count);
    }

    [Fact]
    public void An_empty_section_is_allowed_and_means_none()
    {
        var config = Loading.Load("""
            calendars:
            customers: {}
            """).Valid();

        Assert.Empty(config.Calendars);
        Assert.Empty(config.Customers);
        Assert.Equal(ServerConfig.DefaultPublicUrl, config.Server.PublicUrl);
    }
}
