// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;
#if NETFRAMEWORK
using SqlException = System.Data.SqlClient.SqlException;
#else
using SqlException = Microsoft.Data.SqlClient.SqlException;
#endif

namespace GoCardlessHalo.Core.Tests.Halo.Sql;

/// <summary>
/// The SQL Server path really runs on this runtime: SqlClient is loaded and tries the network (no SQL Server can
/// run here, so a closed loopback port stands in), rather than failing as unsupported.
/// </summary>
public sealed class SqlServerConnectionTests
{
    private const string Password = "Sup3r-Secret-Pa55";

    [FactNotOnMono("Mono's own System.Data.SqlClient (a managed TDS port) words a refused connection as \"Snix_Connect (provider: SNI_PN7, error: 40 ...)\", without the \"network-related\" text .NET Framework's SNI gives.")]
    public async Task A_closed_port_fails_with_sqlclients_network_error_wrapped_and_without_the_password()
    {
        using var target = new HaloSqlTarget(SqlOptions.ForSqlServer("Server=tcp:127.0.0.1,1;Database=Halo;User ID=gocardless;Connect Timeout=3;ConnectRetryCount=0", Password));

        var error = await Assert.ThrowsAsync<GcHaloException>(() => target.OpenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.HaloSqlConnectionFailed, error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionFailed, error.Kind);
        var sql = Assert.IsType<SqlException>(error.InnerException);
        Assert.Contains("network", sql.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HaloTargetKind.SqlServer, target.Kind);
        Assert.Equal("SQL Server tcp:127.0.0.1,1/Halo", target.Location);
        Assert.Contains(target.Location, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, target.Database.Options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_inside_the_connection_string_stays_out_of_the_location()
    {
        var options = SqlOptions.ForSqlServer("Server=halo-sql.example,1433;Database=HaloPSA;User ID=gc;Password=" + Password);

        Assert.Equal("SQL Server halo-sql.example,1433/HaloPSA", options.Location);
        Assert.Equal(options.Location, options.ToString());
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_where_it_is_configured()
    {
        var error = Assert.Throws<GcHaloException>(() => SqlOptions.ForSqlServer("Server=x;NoSuchKeyword=1"));

        Assert.Equal((ErrorIds.ConnectionStringInvalid, ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains("nosuchkeyword", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
