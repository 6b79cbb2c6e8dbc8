namespace StandbyOps.Incidents.Desk;

/// <summary>What kind of party acted on an incident.</summary>
public enum ActorKind
{
    /// <summary>StandbyOps itself: monitoring, SLA timers, auto-close.</summary>
    System,

    /// <summary>An on-call engineer (by SMS, web or an engineer token).</summary>
    Engineer,

    /// <summary>An API token that is not an engineer's or the desk's.</summary>
    Token,

    /// <summary>A support-desk user.</summary>
    Desk,

    /// <summary>A customer's contact (portal session, customer token or a mail from a known contact).</summary>
    Customer,
}

/// <summary>Who did something to an incident; written <c>kind:name</c>, e.g. <c>engineer:anna</c> or <c>system:check</c>.</summary>
public sealed record Actor
{
    /// <summary>The longest actor name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Creates an actor; the name must be 1 to <see cref="MaxNameLength"/> characters.</summary>
    public Actor(ActorKind kind, string name)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an actor kind.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"An actor needs a name of 1 to {MaxNameLength} characters.", nameof(name));
        }

        Kind = kind;
        Name = name.Trim();
    }

    public ActorKind Kind { get; }

    public string Name { get; }

    public static Actor OfSystem(string name) => new(ActorKind.System, name);

    public static Actor OfEngineer(string name) => new(ActorKind.Engineer, name);

    public static Actor OfToken(string name) => new(ActorKind.Token, name);

    public static Actor OfDesk(string name) => new(ActorKind.Desk, name);

    public static Actor OfCustomer(string name) => new(ActorKind.Customer, name);

    /// <summary>Reads the <c>kind:name</c> form written by <see cref="ToString"/>.</summary>
    public static Actor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Enum.TryParse<ActorKind>(text[..colon], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new FormatException($"Invalid actor '{text}': expected kind:name with kind system, engineer, token, desk or customer.");
        }

        return new Actor(kind, text[(colon + 1)..]);
    }

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Name}";
}
