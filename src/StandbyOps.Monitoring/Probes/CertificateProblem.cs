using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using NodaTime;

namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// Names the most useful single problem with a server certificate, for the TLS and HTTP probes.
/// Dates are judged against the injected clock, never the machine's.
/// </summary>
internal static class CertificateProblem
{
    /// <summary>The problem without its "TLS: " prefix, or null when <paramref name="errors"/> is None.</summary>
    public static string? Describe(SslPolicyErrors errors, X509Certificate? certificate, X509Chain? chain, Instant now)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || certificate is null)
        {
            return "no certificate presented";
        }

        var status = ChainStatus(errors, chain);

        // Expiry first: it is the most common cause and the one the on-call engineer can act on.
        if (status.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            return DatesProblem(certificate, now) ?? "certificate outside its validity period";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return "certificate name mismatch";
        }

        if (status.HasFlag(X509ChainStatusFlags.Revoked))
        {
            return "certificate revoked";
        }

        if (status.HasFlag(X509ChainStatusFlags.UntrustedRoot) || status.HasFlag(X509ChainStatusFlags.PartialChain))
        {
            return "untrusted certificate";
        }

        return status == X509ChainStatusFlags.NoError
            ? "certificate chain error"
            : $"certificate chain error ({status})";
    }

    /// <summary>"certificate expired" or "certificate not yet valid" at <paramref name="now"/>, else null.</summary>
    public static string? DatesProblem(X509Certificate certificate, Instant now)
    {
        var (notBefore, notAfter) = Validity(certificate);
        if (now > notAfter)
        {
            return "certificate expired";
        }

        return now < notBefore ? "certificate not yet valid" : null;
    }

    public static (Instant NotBefore, Instant NotAfter) Validity(X509Certificate certificate)
    {
        var full = certificate as X509Certificate2 ?? new X509Certificate2(certificate);

        // NotBefore/NotAfter are local DateTimes; back to UTC before NodaTime sees them.
        return (
            Instant.FromDateTimeUtc(full.NotBefore.ToUniversalTime()),
            Instant.FromDateTimeUtc(full.NotAfter.ToUniversalTime()));
    }

    private static X509ChainStatusFlags ChainStatus(SslPolicyErrors errors, X509Chain? chain)
    {
        if (!errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) || chain is null)
        {
            return X509ChainStatusFlags.NoError;
        }

        var flags = X509ChainStatusFlags.NoError;
        foreach (var element in chain.ChainStatus)
        {
            flags |= element.Status;
        }

        return flags;
    }
}
