using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NodaTime;

namespace StandbyOps.Monitoring.Tests.Probes;

/// <summary>Self-signed server certificates for "localhost", generated per test run.</summary>
internal static class TestCertificates
{
    /// <summary>The instant the dated certificate and the tests' clocks are built around.</summary>
    public static readonly Instant Fixed = Instant.FromUtc(2026, 6, 1, 12, 0);

    /// <summary>Validity of the dated certificate: 10 days before <see cref="Fixed"/> to 30 days after.</summary>
    public static readonly Instant DatedNotBefore = Fixed - Duration.FromDays(10);

    public static readonly Instant DatedNotAfter = Fixed + Duration.FromDays(30);

    /// <summary>Valid on <see cref="Fixed"/> with 30 days left.</summary>
    public static X509Certificate2 Dated() => Create(DatedNotBefore, DatedNotAfter);

    /// <summary>Valid whenever the tests run, so the machine's own chain check reports only the untrusted root.</summary>
    public static X509Certificate2 LongLived() =>
        Create(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2099, 12, 31, 0, 0));

    private static X509Certificate2 Create(Instant notBefore, Instant notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(notBefore.ToDateTimeOffset(), notAfter.ToDateTimeOffset());

        // Through PKCS#12 so the private key is usable by the TLS server on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
