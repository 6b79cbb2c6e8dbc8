namespace StandbyOps.Paging.Dispatch;

/// <summary>One stored page: an SMS (or, on <see cref="PageChannel.Voice"/>, a call whose spoken text is <see cref="Body"/>) to one phone and its delivery status.</summary>
public sealed record PageRow(string Id, string Phone, string Engineer, string Body, string SentAt, string Status, string? ProviderId, string Channel);
