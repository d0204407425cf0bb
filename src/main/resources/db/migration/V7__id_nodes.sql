-- Which node of a cluster holds which of the 256 node numbers that make ids unique
-- across nodes (platform.NodeLease). A number is held by a lease that its node renews;
-- a node that stops renewing stops issuing ids before its lease ends, and the next
-- holder of the number starts its ids after that end.
CREATE TABLE id_node (
    node_number INTEGER PRIMARY KEY,
    owner       VARCHAR(40) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
