namespace StandbyOps.Monitoring.Probes;

/// <summary>The edge checks shared by the probe definitions, so the probes can trust their values.</summary>
internal static class ProbePreconditions
{
    public static string Host(string host, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host, parameterName);
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new ArgumentException($"'{host}' is not a host name or IP address.", parameterName);
        }

        return host;
    }

    public static int Port(int port, string parameterName)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(parameterName, port, "A TCP port is between 1 and 65535.");
        }

        return port;
    }
}
