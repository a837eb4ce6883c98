// Copyright (c) GoCardlessHalo contributors. MIT licence.

namespace GoCardlessHalo.Core.Sync.Import
{
    /// <summary>
    /// The Halo requests an import makes, known once Halo has been read and every customer planned: what
    /// -WhatIf and Get-GcImportPlan report. Reads: the field definitions (twice: the mapping check and the user
    /// list), then customers, sites and users in pages of at most 100 (Halo caps pages at 100:
    /// /work/shared/reference/halo.md, U4). Writes: one POST per batch of users created, updated or linked (a user
    /// the import read needs no GET before its update); a run that creates or links after a read of several pages
    /// reads every user once more first (<see cref="AbsenceCheck"/>). Authentication (authinfo and a token) is counted apart.
    /// Only the Halo API spends requests; on a SQL target the same work is queries and transactions.
    /// </summary>
    public sealed class ImportCost
    {
        /// <summary>Halo caps list pages at 100 rows.</summary>
        public const int PageSize = 100;

        /// <summary>The authinfo GET and the token POST of a new connection.</summary>
        public const int Authentication = 2;

        internal ImportCost(bool spendsBudget, int clients, int sites, int users, int writes, int batchSize, int secondRead = 0)
        {
            SpendsBudget = spendsBudget;
            SecondRead = secondRead;
            Reads = 2 + Pages(clients) + Pages(sites) + Pages(users) + secondRead;
            Writes = (writes + batchSize - 1) / batchSize;
            UsersWritten = writes;
        }

        /// <summary>True for the Halo API (requests count against its budget); false for a SQL target.</summary>
        public bool SpendsBudget { get; }

        /// <summary>GETs: field definitions and the paged lists (the second read of every user included).</summary>
        public int Reads { get; }

        /// <summary>
        /// The GETs of the second read of every user, made before the first user is created or linked when the first
        /// read spanned more than one page (<see cref="AbsenceCheck"/>, issue 8); 0 otherwise.
        /// </summary>
        public int SecondRead { get; }

        /// <summary>POSTs: one per batch of users written.</summary>
        public int Writes { get; }

        /// <summary>Users the import would create, update or link.</summary>
        public int UsersWritten { get; }

        /// <summary>Every request, authentication included.</summary>
        public int Total => Authentication + Reads + Writes;

        /// <summary>One line for -WhatIf, Get-GcImportPlan and -Verbose.</summary>
        public override string ToString() => SpendsBudget
            ? $"Import-GcUser makes about {Total} Halo API request(s): {Reads} read(s) (field definitions, customers, sites and users in pages of {PageSize}), {Writes} write(s) for {UsersWritten} user(s) to create, update or link, and {Authentication} to authenticate.{(SecondRead > 0 ? $" The reads include {SecondRead} for a second read of every user before the first is created or linked (the first read spans several pages, and a user missed by it must not get its customer a second user)." : string.Empty)}"
            : $"Import-GcUser reads Halo's database once and writes {UsersWritten} user(s) in {Writes} transaction(s); a SQL target spends no Halo API requests.";

        /// <summary>The pages a list of <paramref name="rows"/> takes (one even when empty).</summary>
        internal static int Pages(int rows) => rows == 0 ? 1 : (rows + PageSize - 1) / PageSize;
    }
}
