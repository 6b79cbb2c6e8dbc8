namespace StandbyOps.Monitoring.Push;

/// <summary>The Pushgateway API's operations: change a customer's group durably, then evaluate that customer's push rules.</summary>
public sealed class PushIngest(PushGroupStore groups, PushRuleMonitor rules)
{
    /// <summary>PUT or POST a text-format body to the group; returns the group once stored and the rules are evaluated.</summary>
    /// <exception cref="PushRejectedException">The body is malformed or inconsistent; nothing changed.</exception>
    public async Task<PushGroup> PushAsync(string customer, GroupingKey key, PushMethod method, string body, CancellationToken cancellationToken = default)
    {
        var group = await groups.PushAsync(customer, key, method, body, cancellationToken).ConfigureAwait(false);
        await rules.EvaluateAsync(customer, cancellationToken).ConfigureAwait(false);
        return group;
    }

    /// <summary>Deletes the group (a no-op when missing); true when it existed.</summary>
    public async Task<bool> DeleteAsync(string customer, GroupingKey key, CancellationToken cancellationToken = default)
    {
        var deleted = await groups.DeleteAsync(customer, key, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            await rules.EvaluateAsync(customer, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }
}
