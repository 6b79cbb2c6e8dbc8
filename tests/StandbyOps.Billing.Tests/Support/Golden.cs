using System.Runtime.CompilerServices;
using System.Text;

namespace StandbyOps.Billing.Tests.Support;

/// <summary>Compares bytes with a golden file copied to the test output; BILLING_UPDATE_GOLDEN=1 rewrites the source copy after a deliberate change.</summary>
internal static class Golden
{
    public static void AssertMatches(byte[] actual, string fileName, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable("BILLING_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", fileName), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Exports", "Golden", fileName);
        Assert.True(File.Exists(path), $"Golden file {fileName} is missing; run once with BILLING_UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            // The text comparison makes the difference readable; the byte comparison catches line ends and BOMs.
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual);
        }
    }
}
