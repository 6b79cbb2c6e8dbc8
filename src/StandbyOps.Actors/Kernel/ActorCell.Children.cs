using System.Globalization;

namespace StandbyOps.Actors.Kernel;

/// <summary>Children, watches and the rest of the <see cref="IActorContext"/> surface.</summary>
internal sealed partial class ActorCell
{
    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            var extras = _extras;
            if (extras is null)
            {
                return [];
            }

            lock (extras)
            {
                return extras.Children is { Count: > 0 } children ? [.. children.Values] : [];
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null)
        {
            ValidateName(name);
        }

        var extras = Extras;
        ActorCell child;
        bool closed;
        lock (extras)
        {
            var children = extras.Children ??= new Dictionary<string, ActorCell>(StringComparer.Ordinal);
            name ??= "$" + (++extras.GeneratedNames).ToString(CultureInfo.InvariantCulture);
            if (children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"{Path} already has a child named '{name}'.");
            }

            child = new ActorCell(_system, this, name, props);
            children.Add(name, child);
            closed = extras.ChildrenClosed;
        }

        _system.CellCreated();
        child.SendSystem(new Create());
        if (closed)
        {
            child.Stop();
        }

        return child;
    }

    public IActorRef? Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var extras = _extras;
        if (extras is null)
        {
            return null;
        }

        lock (extras)
        {
            return extras.Children?.GetValueOrDefault(name);
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AsCell(actor).Stop();
    }

    public IActorRef Watch(IActorRef actor)
    {
        var cell = AsCell(actor);
        if (!ReferenceEquals(cell, this) && (Extras.Watching ??= []).Add(cell))
        {
            cell.SendSystem(new Watch(this));
        }

        return actor;
    }

    public void Unwatch(IActorRef actor)
    {
        var cell = AsCell(actor);
        if (_extras?.Watching?.Remove(cell) == true)
        {
            cell.SendSystem(new Unwatch(this));
        }
    }

    /// <summary>Adds every live descendant to <paramref name="into"/> (depth first).</summary>
    internal void CollectDescendants(List<ActorCell> into)
    {
        var start = into.Count;
        AddChildrenTo(into);
        for (var i = start; i < into.Count; i++)
        {
            into[i].AddChildrenTo(into);
        }
    }

    internal static ActorCell AsCell(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor as ActorCell
            ?? throw new ArgumentException($"{actor.Path} is not an actor created by ActorOf; only actors can be stopped or watched.", nameof(actor));
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name[0] == '$' || name.Any(char.IsWhiteSpace))
        {
            throw new InvalidActorNameException($"'{name}' is not a valid actor name: it must be non-empty, without '/' or whitespace, and not start with '$'.");
        }
    }

    private void AddChildrenTo(List<ActorCell> into)
    {
        var extras = _extras;
        if (extras is null)
        {
            return;
        }

        lock (extras)
        {
            if (extras.Children is { } children)
            {
                into.AddRange(children.Values);
            }
        }
    }

    private bool IsChild(ActorCell cell)
    {
        var extras = _extras;
        if (extras is null)
        {
            return false;
        }

        lock (extras)
        {
            return extras.Children is { } children
                && children.TryGetValue(cell._name, out var found)
                && ReferenceEquals(found, cell);
        }
    }

    private bool AnyChildStopping()
    {
        var extras = _extras;
        if (extras is null)
        {
            return false;
        }

        lock (extras)
        {
            return extras.Children is { } children && children.Values.Any(static c => c._stopRequested);
        }
    }

    /// <summary>Marks the children closed (later children are stopped at birth) and returns a snapshot.</summary>
    private List<ActorCell> CloseChildren()
    {
        var extras = Extras;
        lock (extras)
        {
            extras.ChildrenClosed = true;
            return extras.Children is { } children ? [.. children.Values] : [];
        }
    }

    /// <summary>Forgets a terminated child; returns how many children remain.</summary>
    private int RemoveChild(ActorCell child)
    {
        var extras = Extras;
        lock (extras)
        {
            if (extras.Children is not { } children)
            {
                return 0;
            }

            if (children.TryGetValue(child._name, out var found) && ReferenceEquals(found, child))
            {
                children.Remove(child._name);
            }

            return children.Count;
        }
    }
}
