using Microsoft.AspNetCore.Http.Metadata;

namespace Propilas.Host.Common;

/// <summary>
/// Refuses, before reading it, a request whose declared length exceeds what its endpoint takes: <see cref="Propilas.Workflows.Bounds.Body"/>,
/// or the endpoint's own <c>RequestSizeLimit</c> (a survey upload). Kestrel holds the same limit for bodies sent without a length.
/// </summary>
public static class RequestSizeGuard
{
    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Propilas.Workflows.Bounds.Body;
        if (http.Request.ContentLength > limit)
            throw new BadHttpRequestException($"The request body is too large: at most {limit / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
        await next(http);
    });
}
