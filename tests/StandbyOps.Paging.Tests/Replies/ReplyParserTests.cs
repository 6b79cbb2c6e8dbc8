using StandbyOps.Core.Incidents;
using StandbyOps.Paging.Replies;

namespace StandbyOps.Paging.Tests.Replies;

public sealed class ReplyParserTests
{
    public static TheoryData<string?, SmsReply> Table => new()
    {
        { "1A", new AcknowledgeByCode(1) },
        { "1a", new AcknowledgeByCode(1) },
        { " 1 a ", new AcknowledgeByCode(1) },
        { "12A", new AcknowledgeByCode(12) },
        { "9999r", new ResolveByCode(9999) },
        { "3R", new ResolveByCode(3) },
        { "A", new AcknowledgeLatest() },
        { " a\n", new AcknowledgeLatest() },
        { "ack", new AcknowledgeLatest() },
        { "ACK 2026-000041", new AcknowledgeByCase("2026-000041") },
        { "ack2026-000041", new AcknowledgeByCase("2026-000041") },
        { "Res 2026-000042", new ResolveByCase("2026-000042") },
        { "STOP", new OptOut("STOP") },
        { "stop", new OptOut("STOP") },
        { "Stop All", new OptOut("STOPALL") },
        { "unsubscribe", new OptOut("UNSUBSCRIBE") },
        { "CANCEL", new OptOut("CANCEL") },
        { "end", new OptOut("END") },
        { "Quit", new OptOut("QUIT") },
        { "START", new OptIn("START") },
        { "yes", new OptIn("YES") },
        { "unstop", new OptIn("UNSTOP") },
        { "HELP", new HelpRequest() },
        { "help ", new HelpRequest() },
        { "R", new UnknownReply("R") },
        { "0A", new UnknownReply("0A") },
        { "01A", new UnknownReply("01A") },
        { "12345A", new UnknownReply("12345A") },
        { "1X", new UnknownReply("1X") },
        { "ACK 2026-41", new UnknownReply("ACK 2026-41") },
        { "RES", new UnknownReply("RES") },
        { "stop it", new UnknownReply("stop it") },
        { "ok thanks", new UnknownReply("ok thanks") },
        { "1A.", new UnknownReply("1A.") },
        { string.Empty, new UnknownReply(string.Empty) },
        { null, new UnknownReply(string.Empty) },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Parse_reads_the_reply(string? body, SmsReply expected) => Assert.Equal(expected, ReplyParser.Parse(body));

    /// <summary>The reply parser and the desk read case numbers by one rule (Core's <c>CaseNumbers</c>): what the desk issues, a reply names.</summary>
    [Theory]
    [InlineData("2026-000041", true)]
    [InlineData("2026-1000000", true)]
    [InlineData("2026-0000041", false)]
    [InlineData("2026-000000", false)]
    [InlineData("2026-00004", false)]
    [InlineData("2026_000041", false)]
    [InlineData("20260000041", false)]
    [InlineData("2026-00004a", false)]
    public void A_reply_names_a_case_exactly_when_the_desk_would_accept_it(string caseNumber, bool accepted)
    {
        Assert.Equal(accepted, CaseNumbers.IsWellFormed(caseNumber));
        Assert.Equal(accepted ? new AcknowledgeByCase(caseNumber) : new UnknownReply($"ACK {caseNumber}"), ReplyParser.Parse($"ACK {caseNumber}"));
        Assert.Equal(accepted ? new ResolveByCase(caseNumber) : new UnknownReply($"RES {caseNumber}"), ReplyParser.Parse($"RES {caseNumber}"));
    }

    [Fact]
    public void The_case_after_999999_in_a_year_is_acknowledged_by_sms_like_any_other() =>
        Assert.Equal(new AcknowledgeByCase(CaseNumbers.Format(2026, 1_000_000)), ReplyParser.Parse("ack 2026-1000000"));
}
