using Governance.Core.Validation;

namespace Governance.Portal.Api;

internal static class ApiConventions
{
    /// <summary>
    /// Every /api endpoint: a state-changing call must send JSON, or a raw file as application/octet-stream (a
    /// cross-site form post can send neither, so the session cookie cannot be abused), and a
    /// <see cref="ValidationError"/> becomes a 400 problem naming the field;
    /// a <see cref="RefusedError"/> a 403, 404 or 409 problem saying why.
    /// </summary>
    public static RouteGroupBuilder WithApiConventions(this RouteGroupBuilder api)
    {
        api.DisableAntiforgery();
        api.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !request.HasJsonContentType() &&
                request.ContentType?.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase) != true)
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: "Send the request with 'Content-Type: application/json' (an empty body is '{}'), or a file as application/octet-stream.");
            try
            {
                return await next(context);
            }
            catch (ValidationError error)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] });
            }
            catch (RefusedError refused)
            {
                return Results.Problem(statusCode: refused.Reason switch
                {
                    Refusal.Forbidden => StatusCodes.Status403Forbidden,
                    Refusal.NotFound => StatusCodes.Status404NotFound,
                    _ => StatusCodes.Status409Conflict,
                }, detail: refused.Message);
            }
        });
        return api;
    }
}
