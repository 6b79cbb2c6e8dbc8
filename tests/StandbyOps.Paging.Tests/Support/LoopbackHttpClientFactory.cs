namespace StandbyOps.Paging.Tests.Support;

/// <summary>An <see cref="IHttpClientFactory"/> whose clients share one handler, like the real factory's pooled handlers.</summary>
public sealed class LoopbackHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { AllowAutoRedirect = false };

    public List<string> RequestedNames { get; } = [];

    public HttpClient CreateClient(string name)
    {
        lock (RequestedNames)
        {
            RequestedNames.Add(name);
        }

        return new HttpClient(_handler, disposeHandler: false);
    }

    public void Dispose() => _handler.Dispose();
}
