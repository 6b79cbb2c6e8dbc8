namespace StandbyOps.Configuration;

/// <summary>Thrown by <see cref="ConfigLoadResult.GetConfigOrThrow"/> when the configuration has errors; the message lists them all.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<ConfigDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0
            ? "the configuration could not be loaded"
            : $"the configuration has {errors.Count} error(s):{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors);
    }
}
