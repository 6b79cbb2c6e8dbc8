namespace StandbyOps.Paging.Replies;

/// <summary>What an inbound SMS asks for; exactly one of the records below (see <see cref="ReplyParser"/>).</summary>
public abstract record SmsReply
{
    // Closed: only the replies below exist, so handlers can switch exhaustively.
    private protected SmsReply()
    {
    }
}

/// <summary><c>&lt;code&gt;A</c>: acknowledge the incident this phone knows by <paramref name="Code"/>.</summary>
public sealed record AcknowledgeByCode(int Code) : SmsReply;

/// <summary><c>&lt;code&gt;R</c>: resolve the incident this phone knows by <paramref name="Code"/>.</summary>
public sealed record ResolveByCode(int Code) : SmsReply;

/// <summary><c>A</c> alone (or <c>ACK</c>): acknowledge every incident of the most recent page to this phone.</summary>
public sealed record AcknowledgeLatest : SmsReply;

/// <summary><c>ACK &lt;case&gt;</c>: acknowledge the incident with this case number.</summary>
public sealed record AcknowledgeByCase(string CaseNumber) : SmsReply;

/// <summary><c>RES &lt;case&gt;</c>: resolve the incident with this case number.</summary>
public sealed record ResolveByCase(string CaseNumber) : SmsReply;

/// <summary>A carrier opt-out keyword (<c>STOP</c> and synonyms): the carrier stops delivery to this number.</summary>
public sealed record OptOut(string Keyword) : SmsReply;

/// <summary>A carrier opt-in keyword (<c>START</c>, <c>YES</c>, <c>UNSTOP</c>): delivery resumes.</summary>
public sealed record OptIn(string Keyword) : SmsReply;

/// <summary><c>HELP</c> (or <c>INFO</c>): the sender asks how to reply.</summary>
public sealed record HelpRequest : SmsReply;

/// <summary>Anything else; <paramref name="Text"/> is the body as received.</summary>
public sealed record UnknownReply(string Text) : SmsReply;
