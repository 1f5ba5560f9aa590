package kz.senim.testing;

import java.util.List;
import kz.senim.directory.Directory;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;

/** A directory that holds what it is given; {@link #seeded()} holds the real seed file. */
public record FixedDirectory(List<Organisation> organisations) implements Directory {

    public static FixedDirectory seeded() {
        return new FixedDirectory(DirectoryData.seed());
    }
}
