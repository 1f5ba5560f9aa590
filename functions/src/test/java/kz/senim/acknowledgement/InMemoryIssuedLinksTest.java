package kz.senim.acknowledgement;

import kz.senim.testing.InMemoryIssuedLinks;

class InMemoryIssuedLinksTest extends IssuedLinksContract {

    @Override
    protected IssuedLinks links() {
        return new InMemoryIssuedLinks();
    }
}
