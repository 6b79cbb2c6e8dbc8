using System.Net;

namespace StandbyOps.Server.Web;

/// <summary>What the UI logs: sign-ins and refusals by token id and name, never a secret or a form's content.</summary>
public static partial class WebLog
{
    /// <summary>The log category of the UI.</summary>
    public const string Category = "StandbyOps.Web";

    [LoggerMessage(Level = LogLevel.Information, Message = "Web sign-in: token {TokenId} ({Name}, {Role}) from {Remote}")]
    public static partial void SignedIn(ILogger logger, string tokenId, string name, string role, IPAddress? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web sign-in refused from {Remote}: the pasted secret matches no live token")]
    public static partial void UnknownToken(ILogger logger, IPAddress? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web sign-in refused from {Remote}: token {TokenId} ({Name}) is a pusher token, which is for machines")]
    public static partial void PusherRefused(ILogger logger, string tokenId, string name, IPAddress? remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web sign-out: token {TokenId}")]
    public static partial void SignedOut(ILogger logger, string? tokenId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web session ended: token {TokenId} is revoked or changed")]
    public static partial void SessionEnded(ILogger logger, string? tokenId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web form refused: {Method} {Path} carried no valid antiforgery token")]
    public static partial void FormTokenRejected(ILogger logger, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web invoice draft of {Customer} {Month} by token {TokenId}: {Status}")]
    public static partial void InvoiceDrafted(ILogger logger, string customer, string month, string? tokenId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web invoice issue of {InvoiceId} by token {TokenId}: {Status} {Number}")]
    public static partial void InvoiceIssued(ILogger logger, string invoiceId, string? tokenId, string status, string? number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web invoice credit of {Invoice} by token {TokenId}: {Status} {Number}")]
    public static partial void InvoiceCredited(ILogger logger, string invoice, string? tokenId, string status, string? number);
}
