using StandbyOps.Paging.Voice;

namespace StandbyOps.Paging.Tests.Voice;

public sealed class VoiceScriptTests
{
    [Fact]
    public void A_case_number_is_read_digit_by_digit() =>
        Assert.Equal("2 0 2 6, 0 0 0 0 4 2", VoiceScript.Digits("2026-000042"));

    [Fact]
    public void The_script_reads_case_priority_customer_system_and_title_then_asks_for_1()
    {
        var script = VoiceScript.Compose([new CalledIncident("2026-000042", "P1", "ACME B.V.", "webshop", "webshop/home is down.")]);

        Assert.Equal(
            "This is StandbyOps. A ticket needs you. Case 2 0 2 6, 0 0 0 0 4 2, priority P1, ACME B.V., system webshop: webshop/home is down. Press 1 to acknowledge.",
            script);
    }

    [Fact]
    public void Several_incidents_are_all_read_and_a_long_title_is_cut_at_a_word()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("overloaded", 30));
        var script = VoiceScript.Compose(
        [
            new CalledIncident("2026-000001", "P1", "ACME B.V.", "web", "down"),
            new CalledIncident("2026-000002", "P2", "ACME B.V.", "db", longTitle),
        ]);

        Assert.StartsWith("This is StandbyOps. 2 tickets need you. Case 2 0 2 6, 0 0 0 0 0 1", script, StringComparison.Ordinal);
        Assert.Contains("Case 2 0 2 6, 0 0 0 0 0 2, priority P2, ACME B.V., system db: overloaded", script, StringComparison.Ordinal);
        Assert.DoesNotContain(longTitle, script, StringComparison.Ordinal);
        Assert.EndsWith("overloaded. " + VoiceScript.PressOne, script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_about_nothing_is_refused() =>
        Assert.Throws<ArgumentException>(() => VoiceScript.Compose([]));
}
