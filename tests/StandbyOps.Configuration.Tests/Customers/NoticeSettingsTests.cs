using NodaTime;
using StandbyOps.Configuration.Customers;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Tests.Customers;

/// <summary><c>sla.warnBefore</c> (pre-breach warning lead time) and <c>followUp</c> (the desk's review reminder) of a customer.</summary>
public sealed class NoticeSettingsTests
{
    [Fact]
    public void WarnBefore_and_followUp_are_read_beside_the_priorities()
    {
        var config = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                sla:
                  P1: { response: 4 business hours }
                  warnBefore: 30m
                followUp: { priorities: [P1], every: 1 business day }
            """).Valid();

        var acme = config.Customers["acme"];
        Assert.Equal(Duration.FromMinutes(30), acme.SlaWarnBefore);
        Assert.Equal([Priority.P1], acme.Sla.Keys);
        Assert.Equal([Priority.P1], acme.FollowUp!.Priorities);
        Assert.Equal((SlaTargetKind.BusinessDays, 1m), (acme.FollowUp.Every.Kind, acme.FollowUp.Every.Amount));
    }

    [Fact]
    public void Without_them_there_are_no_warnings_and_no_reviews()
    {
        var acme = Loading.Load(Loading.PreambleWithSystem + "            name: Web\n").Valid().Customers["acme"];

        Assert.Null(acme.SlaWarnBefore);
        Assert.Null(acme.FollowUp);
    }

    [Fact]
    public void A_warnBefore_that_is_not_a_positive_duration_is_an_error_at_its_line()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                sla:
                  warnBefore: soon
            """);

        result.SingleError().AssertAt(13, ["invalid warnBefore 'soon'"], ["30s"]);
    }

    [Fact]
    public void A_followUp_without_every_is_an_error_naming_an_example()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                followUp: { priorities: [P1] }
            """);

        result.SingleError().AssertAt(12, ["missing 'every'"], ["1 business day"]);
    }
}
