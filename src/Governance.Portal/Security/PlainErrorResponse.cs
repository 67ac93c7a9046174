namespace Governance.Portal.Security;

/// <summary>What a visitor sees for an unexpected error: a reference to quote, never a stack trace.</summary>
internal static class PlainErrorResponse
{
    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"Something went wrong on the server. Quote reference {context.TraceIdentifier} to your administrator.");
    }
}
