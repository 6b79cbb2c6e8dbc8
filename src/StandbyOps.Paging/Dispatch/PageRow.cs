namespace StandbyOps.Paging.Dispatch;

/// <summary>One stored page: an SMS to one phone and its delivery status.</summary>
public sealed record PageRow(string Id, string Phone, string Engineer, string Body, string SentAt, string Status, string? ProviderId);
