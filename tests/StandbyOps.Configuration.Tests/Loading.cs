namespace StandbyOps.Configuration.Tests;

/// <summary>Loads YAML text the way the server does, with a fake environment, and unwraps results for assertions.</summary>
internal static class Loading
{
    public const string FileName = "standbyops.yaml";

    /// <summary>A valid calendar <c>nl</c> and rate card <c>std</c> in four lines; text appended to it starts at line 5.</summary>
    public const string Preamble = """
        calendars:
          nl: { timeZone: Europe/Amsterdam, hours: { mon-fri: "08:30-17:00" }, holidays: [NL] }
        rateCards:
          std: { currency: EUR, hourlyRate: 100, vatPercent: 21 }

        """;

    /// <summary>The preamble plus customer <c>acme</c> opening system <c>web</c> in ten lines; keys of the system (indented eight spaces) start at line 11.</summary>
    public const string PreambleWithSystem = Preamble + """
        customers:
          acme:
            calendar: nl
            rateCard: std
            systems:
              web:

        """;

    /// <summary>The preamble plus team <c>ops</c> (anna, bram; weekly rotation) in eleven lines; text appended to it starts at line 12.</summary>
    public const string PreambleWithTeam = Preamble + """
        teams:
          ops:
            timeZone: Europe/Amsterdam
            engineers:
              anna: { name: Anna, phone: "+31612345671" }
              bram: { name: Bram, phone: "+31612345672" }
            rotation: { every: week, handover: "mon 08:30", order: [anna, bram], start: "2026-01-05" }

        """;

    public static ConfigLoadResult Load(string yaml, IReadOnlyDictionary<string, string>? environment = null) =>
        ConfigLoader.Load(yaml, FileName, name => environment?.GetValueOrDefault(name));

    public static string Resource(string name) => Path.Combine(AppContext.BaseDirectory, "Resources", name);

    /// <summary>The model; fails listing every diagnostic when there are errors.</summary>
    public static StandbyOpsConfig Valid(this ConfigLoadResult result)
    {
        Assert.False(result.HasErrors, "expected no errors, got:\n" + string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Config);
        return result.Config;
    }

    /// <summary>The only error; fails listing every diagnostic otherwise.</summary>
    public static ConfigDiagnostic SingleError(this ConfigLoadResult result)
    {
        var errors = result.Errors.ToList();
        Assert.True(errors.Count == 1, $"expected exactly one error, got {errors.Count}:\n" + string.Join("\n", result.Diagnostics));
        Assert.Null(result.Config);
        return errors[0];
    }

    /// <summary>The only warning; fails listing every diagnostic otherwise.</summary>
    public static ConfigDiagnostic SingleWarning(this ConfigLoadResult result)
    {
        var warnings = result.Warnings.ToList();
        Assert.True(warnings.Count == 1, $"expected exactly one warning, got {warnings.Count}:\n" + string.Join("\n", result.Diagnostics));
        return warnings[0];
    }

    /// <summary>Asserts where the diagnostic points and that its message and fix name the given words.</summary>
    public static void AssertAt(this ConfigDiagnostic diagnostic, int line, string[] messageNames, string[] fixNames)
    {
        Assert.Equal(FileName, diagnostic.File);
        Assert.True(line == diagnostic.Line, $"expected line {line}, got: {diagnostic}");
        foreach (var name in messageNames)
        {
            Assert.Contains(name, diagnostic.Message, StringComparison.Ordinal);
        }

        foreach (var name in fixNames)
        {
            Assert.Contains(name, diagnostic.Fix, StringComparison.Ordinal);
        }
    }
}
