namespace StandbyOps.Configuration;

/// <summary>
/// One problem found in a configuration file: where it is (1-based line and column; 0 when the
/// problem is the file itself), what is wrong and how to fix it.
/// </summary>
public sealed record ConfigDiagnostic(ConfigSeverity Severity, string File, int Line, int Column, string Message, string Fix)
{
    public bool IsError => Severity == ConfigSeverity.Error;

    /// <summary>Compiler-style text, e.g. <c>standbyops.yaml:42:7: error: unknown key 'intervall' in check 'home'. Fix: did you mean 'interval'?</c></summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var severity = IsError ? "error" : "warning";
        return Fix.Length == 0
            ? $"{where}: {severity}: {Message}"
            : $"{where}: {severity}: {Message}. Fix: {Fix}";
    }
}
