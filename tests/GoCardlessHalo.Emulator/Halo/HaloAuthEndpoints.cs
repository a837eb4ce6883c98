// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GoCardlessHalo.Emulator.Halo;

/// <summary>
/// Halo's authorisation server as an on-prem instance serves it (reference §1): /api/authinfo tells where
/// the auth server is, /auth/token grants client-credentials tokens, and every /api resource needs one.
/// </summary>
public static class HaloAuthEndpoints
{
    /// <summary>Maps the auth routes under <paramref name="halo"/>, whose path is <paramref name="prefix"/> ("/halo", or "" at the root).</summary>
    public static void MapHaloAuth(this RouteGroupBuilder halo, string prefix)
    {
        halo.MapGet("/api/authinfo", (HttpRequest r, HaloSettings settings) => Results.Json(new
        {
            auth_url = $"{r.Scheme}://{r.Host}{r.PathBase}{prefix}/auth",
            tenant_id = settings.Tenant,
        }));
        halo.MapPost("/auth/token", Token);
    }

    /// <summary>Endpoint filter: a missing, unknown or expired bearer token gets Halo's 401.</summary>
    public static async ValueTask<object?> RequireBearer(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        const string Scheme = "Bearer ";
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var tokens = context.HttpContext.RequestServices.GetRequiredService<HaloTokens>();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !tokens.IsValid(header[Scheme.Length..].Trim()))
        {
            return HaloErrors.Unauthorized();
        }

        return await next(context);
    }

    private static async Task<IResult> Token(HttpRequest request, HaloSettings settings, HaloTokens tokens)
    {
        if (!request.HasFormContentType)
        {
            return HaloErrors.OAuth(400, "invalid_request", "Send the token request as application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var tenant = request.Query["tenant"].ToString();
        if (tenant.Length > 0 && !string.Equals(tenant, settings.Tenant, StringComparison.OrdinalIgnoreCase))
        {
            return HaloErrors.OAuth(400, "invalid_request", $"Unknown tenant '{tenant}'.");
        }

        if (!string.Equals(form["grant_type"], "client_credentials", StringComparison.Ordinal))
        {
            return HaloErrors.OAuth(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported for API applications.");
        }

        var (clientId, clientSecret) = Credentials(request, form);
        if (!string.Equals(clientId, settings.ClientId, StringComparison.Ordinal) || !string.Equals(clientSecret, settings.ClientSecret, StringComparison.Ordinal))
        {
            return HaloErrors.OAuth(401, "invalid_client", "The client id or client secret is not valid.");
        }

        var scope = form["scope"].ToString();
        return Results.Json(new
        {
            token_type = "Bearer",
            access_token = tokens.Issue(settings.TokenLifetimeSeconds),
            expires_in = settings.TokenLifetimeSeconds,
            scope = scope.Length == 0 ? "all" : scope,
        });
    }

    /// <summary>Client credentials from the form, or from HTTP Basic as OAuth 2 also allows.</summary>
    private static (string Id, string Secret) Credentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':');
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                // Not valid Basic credentials: fall through to the form fields.
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }
}
