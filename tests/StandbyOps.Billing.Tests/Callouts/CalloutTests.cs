using StandbyOps.Billing.Callouts;
using static StandbyOps.Billing.Tests.Support.Standard;

namespace StandbyOps.Billing.Tests.Callouts;

public class CalloutTests
{
    [Fact]
    public void An_inverted_callout_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Callout("anna", null, Local(2026, 11, 24, 20), Local(2026, 11, 24, 19)));
    }

    [Fact]
    public void A_zero_length_callout_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Callout("anna", null, Local(2026, 11, 24, 20), Local(2026, 11, 24, 20)));
    }

    [Fact]
    public void A_callout_needs_an_engineer()
    {
        Assert.Throws<ArgumentException>(() => new Callout(" ", null, Local(2026, 11, 24, 19), Local(2026, 11, 24, 20)));
    }

    [Fact]
    public void A_blank_case_number_means_none()
    {
        Assert.Null(new Callout("anna", "", Local(2026, 11, 24, 19), Local(2026, 11, 24, 20)).CaseNumber);
    }
}
