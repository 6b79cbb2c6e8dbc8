namespace StandbyOps.Configuration;

/// <summary>
/// The outcome of loading a configuration: the typed model when there are no errors, and every
/// diagnostic found (sorted by position), errors and warnings alike.
/// </summary>
public sealed record ConfigLoadResult(StandbyOpsConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<ConfigDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>The model, or a <see cref="ConfigException"/> listing every error.</summary>
    public StandbyOpsConfig GetConfigOrThrow() =>
        !HasErrors && Config is not null ? Config : throw new ConfigException(Diagnostics);
}
