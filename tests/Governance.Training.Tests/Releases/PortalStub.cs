using System.Net;

namespace Governance.Training.Tests.Releases;

/// <summary>Stands in for the portal's download endpoint: answers every request with one status and body, and remembers the address asked for.</summary>
internal sealed class PortalStub(HttpStatusCode status, byte[] body) : HttpMessageHandler
{
    public Uri? Requested { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requested = request.RequestUri;
        return Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(body), RequestMessage = request });
    }
}
