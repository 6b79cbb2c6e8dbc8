using System.Security.Cryptography;
using System.Text;

namespace StandbyOps.Storage.Tokens;

/// <summary>
/// Token secrets: 256 random bits, prefixed so they are recognisable in a leak scan. High-entropy
/// secrets need no slow KDF; SHA-256 makes the stored form useless to a reader of the database.
/// </summary>
public static class TokenSecret
{
    /// <summary>The prefix of every generated secret.</summary>
    public const string Prefix = "sbo_";

    /// <summary>A new random secret.</summary>
    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lower-case hex SHA-256 of the secret's UTF-8 bytes.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
