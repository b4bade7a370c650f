// The GDAL and libpq functions as the front program has them (io/program_files.hpp): each throws
// NeedsFullProgram, and the front hands the command line to the full program. Reached only where a
// query needs a source read or written: units not kept yet, a store to build, a PostGIS connection.
// The linker names any other such function the front's code comes to call.
#include "error.hpp"
#include "io/export.hpp"
#include "io/geodata_build.hpp"
#include "io/inset_layer.hpp"
#include "io/point_postgis.hpp"
#include "io/point_source.hpp"
#include "io/postgis.hpp"
#include "io/region_reader.hpp"
#include "io/validated_stamp.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

RegionLayer read_regions(const LayerSpec&, UnitLevel, ReadReport&, const LayerMemoAccess*) {
    throw NeedsFullProgram{"a layer read with GDAL"};
}

std::string layer_metadata_item(const LayerSpec&, const std::string&) {
    throw NeedsFullProgram{"a layer's metadata read with GDAL"};
}

std::string describe_connection(const std::string&) { throw NeedsFullProgram{"a PostGIS connection"}; }

void write_layers(const std::string&, const std::vector<OutLayer>&, const WriteOptions&) {
    throw NeedsFullProgram{"a store written with GDAL"};
}

std::string validated_stamp(const OutLayer&) { throw NeedsFullProgram{"a layer stamped with GDAL"}; }

void write_reproducible_gpkg(const std::string&, const std::vector<OutLayer>&, bool, const std::vector<std::string>&) {
    throw NeedsFullProgram{"a GeoPackage written with GDAL"};
}

std::vector<std::string> attributes_table_sql(const OutLayer&) { throw NeedsFullProgram{"a store written with GDAL"}; }

// What only the other subcommands reach, which the front hands over before running (lite_main.cpp).

std::vector<ExportLayer> parse_export_layers(const std::string&) { throw NeedsFullProgram{"an export"}; }

const std::vector<std::string>& export_layer_names() { throw NeedsFullProgram{"an export"}; }

ExportResult export_layers(Document&, const ExportRequest&) { throw NeedsFullProgram{"an export"}; }

ExportResult export_tables(const ExportRequest&, std::size_t, const std::function<std::vector<OutLayer>()>&) {
    throw NeedsFullProgram{"an export"};
}

const std::vector<ExportFormat>& export_formats() { throw NeedsFullProgram{"an export"}; }

std::string export_formats_text() { throw NeedsFullProgram{"an export"}; }

std::string export_extensions_text() { throw NeedsFullProgram{"an export"}; }

GeodataBuildReport build_geodata(const GeodataBuildInput&) { throw NeedsFullProgram{"build-geodata"}; }

InsetLayer read_inset_layer(const std::string&) { throw NeedsFullProgram{"an inset layer read with GDAL"}; }

PointSourceInfo tally_points_postgis(const PostgisPoints&, const PointUnits&, PointTally&) {
    throw NeedsFullProgram{"points from PostGIS"};
}

PointSourceInfo read_points(const std::string&, const PointSourceOptions&,
                            const std::function<void(const PointBatch&)>&) {
    throw NeedsFullProgram{"points read with GDAL"};
}

}  // namespace atlas
