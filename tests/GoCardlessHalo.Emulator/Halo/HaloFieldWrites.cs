// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GoCardlessHalo.Emulator.Halo;

public static partial class HaloWrites
{
    /// <summary>
    /// A FieldInfo definition. Rules from Halo's guides: the name is letters, digits and underscores, at most
    /// 64 characters (it becomes the SQL column CF&lt;Name&gt;), and neither name nor type can change later.
    /// </summary>
    public static Func<HaloFieldRecord> Field(HaloState state, JsonObject body, bool seeding)
    {
        var field = Target(state.Fields, body, seeding, "custom field", f => new HaloFieldRecord
        {
            Id = f.Id, Name = f.Name, Label = f.Label, Type = f.Type, InputType = f.InputType, Usage = f.Usage,
        });
        var isNew = field.Name.Length == 0;
        var name = HaloInput.Has(body, "name") ? HaloInput.String(body, "name") ?? string.Empty : field.Name;
        var type = HaloInput.Int(body, "type", field.Type);
        Require(isNew || string.Equals(name, field.Name, StringComparison.Ordinal), "The name of a custom field cannot be changed.");
        Require(isNew || type == field.Type, "The type of a custom field cannot be changed.");
        Require(FieldName().IsMatch(name), "A custom field name must be 1-64 letters, digits or underscores.");
        field.Name = name;
        field.Type = type;
        field.Label = HaloInput.Has(body, "label") ? HaloInput.String(body, "label") : field.Label;
        field.InputType = HaloInput.Int(body, "inputtype", field.InputType);
        field.Usage = HaloInput.Int(body, "usage", field.Usage);
        Require(field.Usage > 0, "'usage' (the entity the field belongs to) is required, e.g. 4 for users.");
        Require(
            !state.Fields.Rows.Any(f => f.Id != field.Id && f.Usage == field.Usage && string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase)),
            $"A custom field named '{field.Name}' already exists for this entity.");
        return () => state.Fields.Put(field);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,64}\z")]
    private static partial Regex FieldName();
}
